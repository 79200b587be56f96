namespace Scrutiny.Silo; public static class SiloProgram { public static int Main() => 0; }

using System.Net;
using Scrutiny.Dashboard.Admin;
using Scrutiny.Dashboard.Agencies;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;
using Scrutiny.Silo.Security;

namespace Scrutiny.Dashboard.Tests.Agencies;

/// <summary>
/// The return address a sign-in goes back to comes from the address bar, so anyone can put anything in it: a local
/// path in any script is sent back to (percent-encoded, as a Location header must be), anything that cannot be is
/// replaced by the home page, and the sign-in itself always holds.
/// </summary>
public sealed class ReturnAddressTests
{
    [Theory]
    [InlineData("%2F%C3%A9", "/%C3%A9")]
    [InlineData("%2Fplaces%2FE08000003%3Fq%3D%E2%9C%93%20x", "/places/E08000003?q=%E2%9C%93%20x")]
    [InlineData("%2F%F0%9F%98%80", "/%F0%9F%98%80")]
    [InlineData("%2Fx%0D%0ASet-Cookie%3A%20a%3Db", AdminPaths.Home)]
    public async Task A_password_sign_in_goes_back_to_a_local_address_in_any_script(string returnUrl, string expected)
    {
        await using var app = await DashboardApp.StartAsync();
        var person = await TestPeople.CreateAsync(app, "ada@example.org", "Ada", PersonRole.Admin);
        using var client = new FormClient(app);

        using var response = await client.PostFormAsync($"{AgencySignIn.SignInPath}?ReturnUrl={returnUrl}", "sign-in-password",
            ("email", person.Email), ("password", person.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        Assert.True(client.HasCookie("scrutiny-agency"));
    }

    [Fact]
    public async Task A_key_sign_in_goes_back_to_a_local_address_in_any_script()
    {
        await using var app = await DashboardApp.StartAsync();
        var key = await app.Get<ApiKeyStore>().CreateAsync(null, isAdmin: true);
        using var client = new FormClient(app);

        using var response = await client.PostFormAsync($"{AgencySignIn.SignInPath}?ReturnUrl=%2F%C3%A9", "sign-in", ("api-key", key));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/%C3%A9", response.Headers.Location!.OriginalString);
        Assert.True(client.HasCookie("scrutiny-agency"));
    }
}

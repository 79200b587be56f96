using Scrutiny.Grains.Contracts;
using Scrutiny.Silo.Publication;

namespace Scrutiny.Silo.Tables;

/// <summary>Whose view of the figures a downloaded table holds, which its About sheet says.</summary>
public enum TableView
{
    /// <summary>Published figures only, as the public pages show them: open data.</summary>
    Public,

    /// <summary>A reader entitled to unpublished values (an administrator, a member of the place's boards).</summary>
    Entitled,

    /// <summary>Not figures but records for administrators only (the audit log names people).</summary>
    Restricted,
}

public static class TableViews
{
    /// <summary>
    /// The Open Government Licence v3.0, under which the published figures are open data (<c>/data.json</c>,
    /// docs/api.md "Open data").
    /// </summary>
    public const string LicenceAddress = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    public const string Licence = $"Open Government Licence v3.0, {LicenceAddress}";

    public static TableView Of(VisibleOutcomes outcomes) => outcomes.IsThePublics ? TableView.Public : TableView.Entitled;

    public static TableView Of(DataView view) => view == DataView.Published ? TableView.Public : TableView.Entitled;

    /// <summary>What the About sheet says of the view: the pages' and the committee paper's words.</summary>
    public static string Words(TableView view) => view switch
    {
        TableView.Public => "The public's view: published figures only, as the public pages show them.",
        TableView.Entitled => "This file may include figures not yet published, which you see as an administrator or a member of a " +
            "partnership board. Do not hand it out in public: the public download has published figures only.",
        _ => "For administrators only: not open data. Do not hand it out.",
    };
}

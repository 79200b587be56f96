using System.Net;
using Scrutiny.Dashboard.Tests.Infrastructure;
using Scrutiny.Silo.People;

namespace Scrutiny.Dashboard.Tests;

/// <summary>
/// The dashboard's answers name no server, and an answer to a signed-in person (their cookie) is never kept by a cache:
/// the page shows who they are and what they may see.
/// </summary>
public sealed class ResponseHeadersTests
{
    [Fact]
    public async Task A_signed_in_persons_pages_are_not_stored_and_no_answer_names_the_server()
    {
        await using var app = await DashboardApp.StartAsync();
        await TestCatalogue.SeedAsync(app);
        var person = await TestPeople.CreateAsync(app, "bea@example.org", "Bea", PersonRole.Admin);
        using var anonymous = new FormClient(app);
        using var signedIn = new FormClient(app);
        using var signIn = await signedIn.SignInAsync(person.Email, person.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var publicPage = await anonymous.GetAsync($"/places/{TestCatalogue.Manchester}");
        using var personsPage = await signedIn.GetAsync($"/places/{TestCatalogue.Manchester}");
        using var missing = await anonymous.GetAsync("/no-such-page");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (publicPage.StatusCode, personsPage.StatusCode));
        Assert.True(personsPage.Headers.CacheControl?.NoStore, "a signed-in person's page is no-store");
        Assert.False(publicPage.Headers.CacheControl?.NoStore ?? false, "a public page may be cached");
        foreach (var response in new[] { publicPage, personsPage, missing }) Assert.False(response.Headers.Contains("Server"));
    }
}

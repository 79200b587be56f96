using Scrutiny.Dashboard;
using Scrutiny.Silo.Hosting;

// Settings and assets live beside the app, wherever it is started from; the working directory is for data.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddScrutinySilo();
builder.AddScrutinyDashboard();

var app = builder.Build();
app.UseScrutinyDashboard();
app.Run();

/// <summary>Visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;

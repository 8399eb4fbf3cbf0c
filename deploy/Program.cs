using Deploy;

// The CDK app: `cdk synth -c env=prod -c account=… -c region=…` (cdk.json runs this project), or
// `dotnet run --project deploy -- --output cdk.out` to write the template without the CDK CLI.
var app = new App(new AppProps { Outdir = OutputFolder.FromArguments(args) });
var settings = PlatformSettings.FromContext(app.Node);
_ = new PlatformStack(app, settings);
app.Synth();

return await HealthProbe.Probe.RunAsync(args, Console.Error);

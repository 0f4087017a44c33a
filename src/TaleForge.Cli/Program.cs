using TaleForge.Cli;

return await TaleForgeCommand.RunAsync(args, Console.Out, Console.Error);

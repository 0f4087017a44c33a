using TaleForge.Cli;

return await TaleForgeCommand.RunConsoleAsync(args);

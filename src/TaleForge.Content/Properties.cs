using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("TaleForge.Content.Tests")]

namespace ProductQuality.Graph.Infrastructure;

/// <summary>An appsettings file that cannot be read as one: a FIFO, a device, a folder, a link to nowhere.</summary>
public sealed class SettingsFileException(string message) : InvalidOperationException(message);

using ScottPlot;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>A drawn chart and the file name (without extension) it is saved under, as PNG and as SVG.</summary>
public sealed class Chart(string name, Plot plot, int width, int height = 420) : IDisposable
{
    public string Name { get; } = name;
    public Plot Plot { get; } = plot;
    public int Width { get; } = width;
    public int Height { get; } = height;

    public string PngFile => Name + ".png";
    public string SvgFile => Name + ".svg";

    public byte[] Png() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    public string Svg() => Plot.GetSvgXml(Width, Height);

    public void Dispose() => Plot.Dispose();
}

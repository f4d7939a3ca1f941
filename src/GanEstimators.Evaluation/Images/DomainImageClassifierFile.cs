namespace GanEstimators.Evaluation.Images;

/// <summary>
/// The file of a <see cref="DomainImageClassifier"/>: a header naming the format and its version, the network's shape,
/// the training pixel range, the class names, then libtorch's state dictionary of the weights.
/// </summary>
internal static class DomainImageClassifierFile
{
    private const string Magic = "GanEstimators.DomainImageClassifier";
    private const int Version = 1;

    public static void Save(DomainImageClassifier classifier, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Written beside the target and moved over it, so a failed save never leaves a half-written classifier behind.
        var temporary = full + $".{Guid.NewGuid():N}.tmp";
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), System.Text.Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(Version);
                classifier.Spec.Save(writer);
                writer.Write(classifier.PixelMinimum);
                writer.Write(classifier.PixelMaximum);
                foreach (var name in classifier.ClassNames) writer.Write(name);
                classifier.SaveWeights(writer);
                writer.Flush();
                ((FileStream)writer.BaseStream).Flush(flushToDisk: true);   // on disk before the rename, so a crash cannot leave an empty file under the name
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static DomainImageClassifier Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No classifier file at '{path}'; train one with DomainImageClassifier.Train and Save it.", path);
        using var reader = new BinaryReader(File.OpenRead(path), System.Text.Encoding.UTF8);
        ImageClassifierNetwork? network = null;
        try
        {
            var magic = reader.BaseStream.Length > 0 ? reader.ReadString() : "";
            if (magic != Magic) throw new InvalidDataException($"'{path}' is not a saved DomainImageClassifier (it does not begin with '{Magic}').");
            var version = reader.ReadInt32();
            if (version != Version)
                throw new InvalidDataException($"'{path}' is a DomainImageClassifier file of format version {version}; this library reads version {Version}.");
            var spec = ImageClassifierSpec.Load(reader);
            if (!spec.IsPlausible)
                throw new InvalidDataException($"'{path}' declares an impossible classifier shape ({spec}); the file is damaged.");
            var (minimum, maximum) = (reader.ReadSingle(), reader.ReadSingle());
            var classNames = Enumerable.Range(0, spec.Classes).Select(_ => reader.ReadString()).ToArray();
            network = GlobalTorchRandom.Unseeded(() => new ImageClassifierNetwork(spec));
            network.load(reader);
            return new DomainImageClassifier(network, classNames, minimum, maximum);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or OutOfMemoryException)
        {
            network?.Dispose();
            throw new InvalidDataException($"'{path}' is a truncated or damaged DomainImageClassifier file: {e.Message}", e);
        }
        catch
        {
            network?.Dispose();
            throw;
        }
    }
}

// Usage: GanEstimators.LoadCheck MODEL.zip INPUT.idv OUTPUT.idv
// Loads MODEL with a fresh MLContext, transforms INPUT (ML.NET binary format) and writes the result.
using Microsoft.ML;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: GanEstimators.LoadCheck MODEL.zip INPUT.idv OUTPUT.idv");
    return 2;
}
var ml = new MLContext();
var model = ml.Model.Load(args[0], out _);
var input = ml.Data.LoadFromBinary(args[1]);
using (var output = File.Create(args[2]))
    ml.Data.SaveAsBinary(model.Transform(input), output, keepHidden: false);
Console.WriteLine($"transformed with {model.GetType().Name}");
return 0;

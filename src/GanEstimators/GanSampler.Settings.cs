using GanEstimators.Native;
using Microsoft.ML;

namespace GanEstimators;

// How the sampler generates rows: threads, unseen combinations, mode choice and the calibrations (none is saved with
// the model).
public sealed partial class GanSampler
{
    /// <summary>
    /// libtorch's CPU threads while this sampler generates rows (<c>Sample</c>, <see cref="ITransformer.Transform"/>,
    /// augmentation), read as each chunk of rows is generated, so it also applies to samples taken before it was set.
    /// Null (default) is the library's choice, as for training (<see cref="GanTrainer.Options.NumberOfThreads"/>): one
    /// fewer than <see cref="Environment.ProcessorCount"/> (which honours cgroup CPU limits), at least 1, so that one
    /// other busy process does not stall every parallel operation; it only ever lowers the count the application set
    /// with <c>torch.set_num_threads</c>, and leaves it alone where <c>OMP_NUM_THREADS</c> is set. The same seed gives
    /// the same rows whatever the count. libtorch's count is one setting for the whole process and stays set after
    /// sampling; while a training (or another sampler) is running with another count, null shares that count and an
    /// explicit different one is refused with an <see cref="InvalidOperationException"/> rather than change it under them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is below 1 or above 4 per processor.</exception>
    public int? NumberOfThreads
    {
        get => _generator.NumberOfThreads;
        set
        {
            ValidateNumberOfThreads(value);
            _generator.NumberOfThreads = value;
        }
    }

    /// <summary>The rule <see cref="NumberOfThreads"/> enforces, for callers that check a count before they have a sampler.</summary>
    internal static void ValidateNumberOfThreads(int? value)
    {
        if (!LibTorchThreads.IsAllowed(value))
            throw OptionRangeError.Create(nameof(NumberOfThreads), value, $"GanSampler.NumberOfThreads must be {LibTorchThreads.Expected}.", LibTorchThreads.Expected);
    }

    /// <summary>
    /// What <c>Sample</c> does when its conditions fix two or more columns to a combination of values that never
    /// occurred together in a training row (the model records the combinations the condition column and categorical
    /// columns took): <see cref="GanUnseenCombinations.Warn"/> (default) logs a warning naming it through the
    /// <c>MLContext</c> log and generates the rows, <see cref="GanUnseenCombinations.Refuse"/> throws an
    /// <see cref="ArgumentException"/>, <see cref="GanUnseenCombinations.Allow"/> says nothing. Models saved before the
    /// combinations were recorded cannot tell, and generate the rows. A combination that breaks a fixed-combination
    /// constraint is always refused.
    /// </summary>
    public GanUnseenCombinations UnseenCombinations
    {
        get => _unseenCombinations;
        set => _unseenCombinations = Enum.IsDefined(value) ? value
            : throw OptionRangeError.Create(nameof(UnseenCombinations), value, "GanSampler.UnseenCombinations must be Warn, Refuse or Allow.", "Warn, Refuse or Allow");
    }

    private GanUnseenCombinations _unseenCombinations;

    /// <summary>
    /// How each mode-specific numeric column's mixture mode is picked in a generated row: drawn from the generator's
    /// probabilities (<see cref="GanModeChoice.Drawn"/>, CTGAN's way) or the most likely one for the row's noise
    /// (<see cref="GanModeChoice.MostLikely"/>). The default is decided from the trained generator at first use and
    /// written to the MLContext log: MostLikely where taking the most likely modes moves no column's mode frequencies by
    /// more than 0.025 (total variation, on 4,096 rows of fixed noise) — a generator that picks modes from its noise, as
    /// on the mode-collapse lab's ring, where it put 96 % of points near a real mode instead of 89 % —, Drawn elsewhere
    /// (on the real tables measured, taking the most likely mode narrowed the numeric columns' shapes). Categories are
    /// always drawn. Views already taken generate with the choice in force when their rows are read. Not saved with the
    /// model: a loaded sampler decides its default again, the same way.
    /// </summary>
    public GanModeChoice ModeChoice
    {
        get => _generator.ModeChoice;
        set => _generator.ModeChoice = Enum.IsDefined(value) ? value
            : throw OptionRangeError.Create(nameof(ModeChoice), value, "GanSampler.ModeChoice must be Drawn or MostLikely.", "Drawn or MostLikely");
    }

    /// <summary>
    /// When true (the default), categorical draws are calibrated so that each categorical column, in the rows not
    /// conditioned on it, comes out at its training frequencies: one logit offset per category, fitted once at the first
    /// rows from 4,096 rows of fixed noise (8,192 where pairs are linked; the same on every load) and added before each draw. A GAN tends to
    /// over-produce a column's frequent levels where it generates the column freely; over three seeds this lifted
    /// birdstrikes' column shapes from 0.949 to 0.978 and pair trends from 0.849 to 0.880 (airports, states, aircraft),
    /// and flights-20k's shapes from 0.915 to 0.944 (BENCHMARKS.md, "Category calibration"). Exact conditions still hold;
    /// the condition column is not calibrated (its classes are drawn by their frequencies already). Where
    /// <see cref="KeepSeenPairs"/> keeps a pair, the pair gets offsets too, one per known value and drawn category, so
    /// that each value's partners come out at their training shares (flights' destinations from each origin): over three
    /// seeds flights-20k's pair trends rose from 0.900 to 0.955 (0.865 → 0.896 against the held-out rows, which the
    /// training rows score 0.905 against; BENCHMARKS.md, "Pair shares"). Two columns associated too loosely to keep
    /// (bias-corrected Cramér's V at least 0.2: birdstrikes' airports and operators) are linked: their shares are fitted
    /// the same way, with no combination forbidden; over three seeds birdstrikes' pair trends rose from 0.907 to 0.941
    /// (0.867 → 0.890 against the held-out rows; BENCHMARKS.md, "Linked pairs"). Linked pairs go with
    /// <see cref="KeepSeenPairs"/>, and <c>ganest sample</c> prints them (<c>Linked pairs: …</c>). Set false to draw
    /// from the generator's own probabilities (CTGAN's way). Not saved with the model: a loaded sampler calibrates again.
    /// </summary>
    public bool CalibrateCategories
    {
        get => _generator.CalibrateCategories;
        set => _generator.CalibrateCategories = value;
    }

    /// <summary>
    /// When true (the default), two categorical columns whose training rows hold nearly all the combinations the data
    /// takes (Good–Turing: at most 5 % of rows have a combination seen once), and far fewer than independent columns
    /// would, are generated only in combinations that occur in the training rows: flights' origin and destination
    /// (2,879 routes), an airport and its state. Each such column is drawn among the slots seen with the value already
    /// fixed in its row (by the condition column, a conditional request, or a column drawn before it), by the
    /// generator's own probabilities among them. Among a column's pairs whose other column is drawn earlier only the most
    /// structured acts (two could contradict each other); pairs with a column drawn later act in the rows conditioned
    /// on it, and a row's condition on a paired column is always the value written. Pairs whose combinations are sparse by
    /// chance (many seen once) stay free. A column with more levels than <c>MaxCategorySlots</c> is paired by its slots:
    /// its pooled rare levels share one slot, which still decodes to one of them by training frequency. Over three seeds this lifted flights-20k's pair trends from 0.877 to 0.900,
    /// and birdstrikes' from 0.869 to 0.892 with its detection AUC down from 0.270 to 0.213 (BENCHMARKS.md, "Seen
    /// pairs"). Derived from the combinations every model records, so older models get it too; categorical
    /// calibration is fitted with it, and fits each pair's shares (<see cref="CalibrateCategories"/>). <c>ganest sample</c> prints the pairs (<c>Seen pairs: …</c>). Set false to let
    /// the generator combine categories freely; that also drops the linked pairs (<see cref="CalibrateCategories"/>). Not saved with the model.
    /// </summary>
    public bool KeepSeenPairs
    {
        get => _generator.KeepSeenPairs;
        set => _generator.KeepSeenPairs = value;
    }

    /// <summary>
    /// When true (the default), a numeric column that the training rows fix by one or two categorical columns takes
    /// that value in every generated row whose categories occur in training: flights' distance by origin and
    /// destination. Training finds such columns where every combination seen more than once has one value, where
    /// Good–Turing puts a new row's combination among the seen ones (at most 5 % of rows in combinations seen once),
    /// where at least half the rows have the number and its categories, and where the number takes two values or more; a
    /// single categorical column is preferred to a pair. A value the generator leaves missing stays missing. The values
    /// are saved with the model (format 0x0001000C; older models have none). A numeric column that is the sum of two
    /// others in every training row (each part non-zero in at least 20 rows, at least half the rows having all three) is
    /// rebuilt from the generated parts: birdstrikes' total cost. Columns a constraint names get neither rule. The log
    /// says which columns (<c>Determined values: …</c>, printed by <c>ganest sample</c>). Flights-20k's generated
    /// distances matched their route in 0.3 % of rows before (BENCHMARKS.md, "Determined values"). Set false to keep the
    /// generator's numbers. Not saved with the model.
    /// </summary>
    public bool KeepDeterminedValues
    {
        get => _generator.KeepDeterminedValues;
        set => _generator.KeepDeterminedValues = value;
    }

    /// <summary>
    /// When true, each mode-specific numeric column's generated values are mapped onto the column's training
    /// distribution (quantile mapping: a value goes to the training quantile at its share of the generated
    /// distribution), then put back on the column's grid, range and observed values. The generated distribution is
    /// measured once per mode choice and category setting, at the first rows, on 16,384 rows of fixed noise (so the
    /// same on every load); the training distribution is 257 quantiles saved with the model (format 0x0001000B on:
    /// older models are not calibrated). On its own the mapping is monotone, so each column's order and the rows' rank
    /// correlations are kept (<see cref="CalibrateDependence"/> then corrects the latter); point masses, missing values, exact conditions and constraints still hold. Dates are left
    /// alone (moved along the calendar, a date would leave the season its row was generated for). The default is
    /// decided from the trained generator with <see cref="ModeChoice"/>'s: true where its rule keeps drawing modes (every
    /// real table measured), false where it takes the most likely ones — clustered numeric data such as the
    /// mode-collapse lab's ring, where mapping each coordinate on its own moves points between a coordinate's clusters
    /// and off the ring. See BENCHMARKS.md, "Number calibration". Not saved with the model.
    /// </summary>
    public bool CalibrateNumbers
    {
        get => _generator.CalibrateNumbers;
        set => _generator.CalibrateNumbers = value;
    }

    /// <summary>
    /// When true (the default), the numeric columns whose values <see cref="CalibrateNumbers"/> maps also keep how they
    /// move together in the training rows. Training measures the correlations of the columns' normal scores (a value's
    /// share of its column's training distribution through the standard normal's inverse: the Gaussian copula) among
    /// the mode-specific columns without point masses, leaving out those <see cref="KeepDeterminedValues"/> rewrites;
    /// they are saved with the model (format 0x0001000D; older models have none). At the first rows the generator's own
    /// correlations are measured on the same fixed-noise rows as the quantile mapping, and each generated row's scores
    /// are then moved by the one linear map that turns the one set of correlations into the other while moving the rows
    /// least (the optimal transport map between the two Gaussians), and each moved score is read as its share among the
    /// probe rows' moved scores before the mapping onto the training quantiles. Each column keeps its calibrated
    /// distribution; which values meet in a row changes. A row missing one of the columns is calibrated column by column.
    /// Like the quantile mapping, the map is fitted on rows of every class (drawn by frequency), so rows of one
    /// requested class are moved towards the correlations of the whole table, not of that class. Seattle-weather's daily highs and lows were generated correlated at 0.70 against
    /// 0.88 in training (BENCHMARKS.md, "Dependence calibration"). The log says which columns and the largest change
    /// (<c>Calibrated dependence: …</c>, printed by <c>ganest sample</c>). Has no effect when
    /// <see cref="CalibrateNumbers"/> is false. Not saved with the model.
    /// </summary>
    public bool CalibrateDependence
    {
        get => _generator.CalibrateDependence;
        set => _generator.CalibrateDependence = value;
    }
}

// Each case trains or loads models with libtorch on every core; parallel classes would only be slower.
[assembly: DoNotParallelize]

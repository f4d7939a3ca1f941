// Training uses all cores through libtorch; running test classes in parallel would only make them slower.
[assembly: DoNotParallelize]

// Each test class runs its own in-process cluster, and generation uses the cores; one class at a time.
[assembly: DoNotParallelize]

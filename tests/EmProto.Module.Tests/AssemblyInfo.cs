using Xunit;

// One communicator per process (a static holder): the module tests run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using System.Threading;
using System.Threading.Tasks;

namespace EmProto.Engine
{
    /// <summary>Task helpers for netstandard2.0.</summary>
    public static class TaskExtensions
    {
        /// <summary>The task's result, or a cancellation when <paramref name="ct"/> fires first (the task goes on).</summary>
        public static Task<T> WaitWithCancellation<T>(this Task<T> task, CancellationToken ct)
        {
            if (!ct.CanBeCanceled || task.IsCompleted) return task;
            var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reg = ct.Register(() => tcs.TrySetCanceled(ct));
            task.ContinueWith(t =>
            {
                reg.Dispose();
                if (t.IsFaulted) tcs.TrySetException(t.Exception!.InnerExceptions);
                else if (t.IsCanceled) tcs.TrySetCanceled();
                else tcs.TrySetResult(t.Result);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return tcs.Task;
        }
    }
}

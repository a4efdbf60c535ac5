using System;
using System.Collections.Concurrent;
using System.Threading;

namespace EmProto.Engine
{
    /// <summary>Runs event handlers on one dedicated thread, in order, off the receive path.</summary>
    internal sealed class EventDispatcher : IDisposable
    {
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>(new ConcurrentQueue<Action>(), 100_000);
        private readonly CommunicatorCounters _counters;
        private readonly Thread _thread;

        public EventDispatcher(CommunicatorCounters counters)
        {
            _counters = counters;
            _thread = new Thread(Run) { IsBackground = true, Name = "EmProto events" };
            _thread.Start();
        }

        public bool Post(Action action)
        {
            // A full queue means nobody keeps up with the events: drop rather than stall the receiver.
            if (_queue.IsAddingCompleted) return false;
            try
            {
                if (_queue.TryAdd(action)) return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
            _counters.EventHandlerError();
            return false;
        }

        private void Run()
        {
            foreach (var action in _queue.GetConsumingEnumerable())
            {
#pragma warning disable CA1031 // a subscriber's exception must not end event delivery
                try
                {
                    action();
                }
                catch (Exception)
                {
                    _counters.EventHandlerError();
                }
#pragma warning restore CA1031
            }
        }

        public void Dispose()
        {
            _queue.CompleteAdding();
            if (Thread.CurrentThread != _thread) _thread.Join(TimeSpan.FromSeconds(5));
            _queue.Dispose();
        }
    }
}

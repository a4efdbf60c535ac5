using System;
using System.Globalization;
using System.Net;
using EmProto.Engine;

namespace EmProto.StoreWriter
{
    /// <summary>
    /// Child process of the reliability tests.
    ///   store &lt;path&gt; &lt;first&gt; &lt;count&gt; &lt;prefix&gt;
    ///       Loads the store through a communicator, then for i = first .. first+count-1 adds the
    ///       charger &lt;prefix&gt;&lt;i as 8 hex digits&gt; and saves (the real Save path), printing
    ///       "saving i" before and "saved i" after each save. Exit 0 when done, 3 when the store
    ///       could not be loaded, 4 when a save failed.
    ///   bind &lt;port&gt;
    ///       Starts a communicator on 127.0.0.1:&lt;port&gt; (0 = any), prints "bound &lt;port&gt;" and holds
    ///       it until stdin closes or a line arrives; on failure prints "error &lt;ErrorId&gt;" and exits 5.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            Console.Out.Flush();
            if (args.Length == 5 && args[0] == "store") return Store(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
            if (args.Length == 2 && args[0] == "bind") return Bind(int.Parse(args[1], CultureInfo.InvariantCulture));
            Console.Error.WriteLine("usage: EmProto.StoreWriter store <path> <first> <count> <prefix8hex> | bind <port>");
            return 2;
        }

        private static int Store(string path, int first, int count, string prefix)
        {
            // The tests' one fake socket, counting only: the store writer needs no network.
            var transport = new EmProto.Engine.Tests.FakeTransport { Recording = false };
            using var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                StorePath = path,
                TransportFactory = _ => transport,
                EnableBroadcast = false,
                DefaultTimeZone = TimeZoneInfo.Utc,
                HousekeepingInterval = TimeSpan.FromHours(1),
            });
            communicator.Start();
            if (communicator.StoreProblem != null)
            {
                Console.WriteLine("problem " + communicator.StoreProblem);
                return 3;
            }
            Console.WriteLine("loaded " + communicator.GetEvses().Count);
            for (int i = first; i < first + count; i++)
            {
                Console.WriteLine("saving " + i.ToString(CultureInfo.InvariantCulture));
                communicator.AddEvse(Serial(prefix, i), new IPEndPoint(IPAddress.Loopback, 1024 + i % 60000));
                communicator.Save();
                if (communicator.StoreProblem != null)
                {
                    Console.WriteLine("problem " + communicator.StoreProblem);
                    return 4;
                }
                Console.WriteLine("saved " + i.ToString(CultureInfo.InvariantCulture));
            }
            Console.WriteLine("done");
            return 0;
        }

        /// <summary>The serial a writer uses for its i-th charger.</summary>
        internal static string Serial(string prefix, int i) => prefix + i.ToString("x8", CultureInfo.InvariantCulture);

        private static int Bind(int port)
        {
            using var communicator = new EvseCommunicator(new CommunicatorOptions
            {
                LocalAddress = IPAddress.Loopback,
                Port = port,
                EnableBroadcast = false,
                StorePath = null,
            });
            try
            {
                communicator.Start();
            }
            catch (EvseException ex)
            {
                Console.WriteLine("error " + ex.ErrorId + " " + ex.Message);
                return 5;
            }
            Console.WriteLine("bound " + communicator.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture));
            Console.In.ReadLine();
            return 0;
        }
    }
}

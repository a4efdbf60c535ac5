using System;
using System.IO;
using SharpFuzz;

namespace EmProto.Fuzz
{
    /// <summary>
    /// Entry point. Under afl-fuzz (started by fuzz/run-fuzz.sh) every input goes through
    /// <see cref="ReceivePathTarget.Run"/>; any exception that escapes is a crash. Outside afl-fuzz:
    /// <c>--replay &lt;file-or-folder&gt;</c> runs inputs once each (to reproduce a crash or
    /// re-check a corpus; only on an uninstrumented build), and with no argument one input is read
    /// from stdin.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--replay")
            {
                return Replay(new ReceivePathTarget(), args[1]);
            }
            if (args.Length != 0)
            {
                Console.Error.WriteLine("usage: EmProto.Fuzz [--replay <file-or-folder>]   (no argument: fuzz under afl-fuzz, or run stdin once)");
                return 2;
            }
            // Instrumented code may only run inside the fuzzer loop (its coverage map exists there).
            ReceivePathTarget? target = null;
            Fuzzer.OutOfProcess.Run(stream => (target ??= new ReceivePathTarget()).Run(ReadAll(stream)));
            return 0;
        }

        private static int Replay(ReceivePathTarget target, string path)
        {
            var files = Directory.Exists(path) ? Directory.GetFiles(path) : new[] { path };
            int failed = 0;
            foreach (var file in files)
            {
                if (Path.GetFileName(file).StartsWith("README", StringComparison.OrdinalIgnoreCase)) continue;
                try
                {
                    target.Run(File.ReadAllBytes(file));
                }
#pragma warning disable CA1031 // replay reports every failing input, then fails as a whole
                catch (Exception ex)
                {
                    failed++;
                    Console.Error.WriteLine(file + ": " + ex);
                }
#pragma warning restore CA1031
            }
            Console.WriteLine(files.Length + " inputs replayed, " + failed + " failed; " + target.Describe());
            return failed == 0 ? 0 : 1;
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using EmProto.PowerShell;
using Xunit;

namespace EmProto.Module.Tests
{
    /// <summary>
    /// A known-chargers file that cannot be used is one error record with its own ErrorId (the connect still
    /// succeeds); -StorePath is checked when given; after Stop-EvseCommunicator the next cmdlet restarts the
    /// communicator with the user's settings, not the defaults.
    /// </summary>
    public sealed class StoreAndRestartTests : CmdletTestBase, IDisposable
    {
        private const string SimSerial = "5e5e000000000042";
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "emproto-store-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public StoreAndRestartTests() => Directory.CreateDirectory(_dir);

        private string StartOn(string storePath)
        {
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -Force -RetryCount 1 -Timeout 0.5 -StorePath '" + storePath + "'");
            Assert.True(r.Errors.Count == 0, "the communicator starts: " + string.Join("; ", r.Errors));
            return storePath;
        }

        [Fact]
        public void A_store_path_naming_a_folder_is_refused_when_given()
        {
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -Force -StorePath '" + _dir + "'");
            var e = SingleError(r);
            Assert.StartsWith("EvseInvalidStorePath,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("is a folder", e.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_store_path_below_a_file_is_refused_when_given()
        {
            string file = Path.Combine(_dir, "plain.txt");
            File.WriteAllText(file, "x");
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -Force -StorePath '" + Path.Combine(file, "evses.json") + "'");
            var e = SingleError(r);
            Assert.StartsWith("EvseInvalidStorePath,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("is a file, not a folder", e.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unwritable_store_is_one_error_record_and_the_connect_succeeds()
        {
            // Valid when given (the folder does not exist yet), then a file takes the folder's place.
            string folder = Path.Combine(_dir, "later");
            StartOn(Path.Combine(folder, "evses.json"));
            File.WriteAllText(folder, "not a folder");
            using var sim = StartSimulator(restartCommunicator: false);
            WaitForCharger(SimSerial);

            var r = Host.Run("Connect-Evse -Serial " + SimSerial + " -Password 123456 -PassThru");
            var charger = Assert.IsType<EvseCharger>(Assert.Single(r.Output).BaseObject);
            Assert.True(charger.Connected, "the login succeeds although the store cannot be written");
            var e = SingleError(r);
            Assert.StartsWith("EvseStoreWriteFailed,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.WriteError, e.CategoryInfo.Category);
            Assert.Equal(Path.Combine(folder, "evses.json"), e.TargetObject);
            Assert.NotNull(e.ErrorDetails?.RecommendedAction);

            var stop = Host.Run("Stop-EvseCommunicator");
            Assert.True(stop.Errors.Count == 0, "the failure is reported once, and stopping raises nothing: " + string.Join("; ", stop.Errors.Select(x => x.FullyQualifiedErrorId)));
        }

        [Fact]
        public void Connect_Evse_waits_for_the_store_only_when_what_it_holds_changes()
        {
            string store = StartOn(Path.Combine(_dir, "evses.json"));
            using var sim = StartSimulator(restartCommunicator: false);
            WaitForCharger(SimSerial);
            var evse = Communicator.GetEvse(SimSerial)!;

            // A new password is on disk when the cmdlet returns.
            Lines("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.True(evse.LastLoginChangedStore);
            Assert.Contains(SimSerial, File.ReadAllText(store), StringComparison.Ordinal);

            // The same password again changes nothing another process reads: no write to wait for.
            Lines("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.False(evse.LastLoginChangedStore);

            // The end of a disconnect is written at once again.
            Lines("Disconnect-Evse -Serial " + SimSerial + " -Confirm:$false");
            Assert.True(System.Threading.SpinWait.SpinUntil(() => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(store), "\"disconnected\":\\s*true"), TimeSpan.FromSeconds(30)), "the disconnect is saved");
            Lines("Connect-Evse -Serial " + SimSerial + " -Password 123456");
            Assert.True(evse.LastLoginChangedStore);
            Assert.DoesNotContain("\"disconnected\"", File.ReadAllText(store), StringComparison.Ordinal);
        }

        [Fact]
        public void After_a_stop_the_next_cmdlet_restarts_with_the_users_settings()
        {
            var before = CommunicatorHolder.Current!;
            int port = before.LocalEndPoint!.Port;
            var r = Host.Run("Stop-EvseCommunicator; Get-Evse; Get-EvseCommunicator");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            var after = CommunicatorHolder.Current;
            Assert.NotNull(after);
            Assert.NotSame(before, after);
            Assert.Equal(IPAddress.Loopback, after!.Options.LocalAddress);
            Assert.Null(after.Options.StorePath);
            Assert.Equal(TimeSpan.FromSeconds(0.5), after.Options.RequestTimeout);
            Assert.Equal(port, after.LocalEndPoint!.Port);
        }

        [Fact]
        public void A_zero_timeout_is_refused_in_terms_of_the_parameter()
        {
            var r = Host.Run("Start-EvseCommunicator -LocalAddress 127.0.0.1 -Port 0 -NoStore -Force -Timeout 0");
            var e = SingleError(r);
            Assert.StartsWith("EvseInvalidCommunicatorOption,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.StartsWith("-Timeout ", e.Exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("RequestTimeout", e.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void After_a_stop_the_restart_keeps_the_users_store()
        {
            string store = StartOn(Path.Combine(_dir, "mine.json"));
            var r = Host.Run("Stop-EvseCommunicator; $null = Get-Evse");
            Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors));
            Assert.Equal(store, CommunicatorHolder.Current!.Options.StorePath);
        }

        void IDisposable.Dispose()
        {
            Dispose();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}

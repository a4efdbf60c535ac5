using System;
using System.IO;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace EmProto.Engine.Tests.Persistence
{
    public sealed class StoreTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "emproto-store-" + Guid.NewGuid().ToString("N"));

        public StoreTests() => Directory.CreateDirectory(_dir);

        private string StorePath => Path.Combine(_dir, "evses.json");

        public void Dispose() => Directory.Delete(_dir, true);

        [Fact]
        public void Known_chargers_survive_the_process_with_their_password_and_address()
        {
            using (var h = new Harness(storePath: StorePath))
            {
                var evse = h.LoggedIn();
                evse.TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
                h.Run(evse.GetConfigAsync(TimeSpan.Zero));
            }
            var text = File.ReadAllText(StorePath);
            Assert.DoesNotContain("123456", text);
            Assert.Contains("9181102751219513", text);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
            }

            using var again = new Harness(storePath: StorePath);
            var loaded = again.Communicator.GetEvse("9181102751219513")!;
            Assert.True(loaded.HasPassword);
            Assert.Equal("Europe/Amsterdam", loaded.TimeZone.Id);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, 40001), loaded.EndPoint);
            Assert.Equal("Garage", loaded.Name);
            // A stored password logs in directly, without waiting for a broadcast.
            again.Run(loaded.EnsureLoggedInAsync());
            Assert.True(loaded.IsLoggedIn);
        }

        [Fact]
        public async Task A_store_locked_by_another_process_never_holds_up_the_receive_path()
        {
            using var h = new Harness(storePath: StorePath);
            h.LoggedIn();
            await h.Communicator.FlushStoreAsync().WaitAsync(TimeSpan.FromSeconds(30));
            long writesBefore = h.Communicator.StoreWrites;
            // Another process holds the store's lock (the engine waits up to 10 s for it before giving up).
            using (new FileStream(StorePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var receive = Task.Run(() =>
                {
                    h.Charger.Send(EmCommand.UploadLocalChargeRecord, new ChargeRecordPayload { ChargeId = "LOCKED1", StartDate = new EmTimestamp(0x67C28640), StopDate = new EmTimestamp(0x67C29000) });
                    h.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
                });
                Assert.True(await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(5))) == receive, "The receive path waited for the store's lock.");
                Assert.Equal(1, h.Transport.CountSent(EmCommand.UploadLocalChargeRecordAcknowledge));
                Assert.True(h.Transport.CountSent(EmCommand.HeadingResponse) >= 1, "The Heading was not answered while the store was locked.");
                Assert.Single(h.Evse.Records, r => r.ChargeId == "LOCKED1");
            }
            // Once the lock is free the record reaches the file (the writer retries on the next request).
            await h.Communicator.FlushStoreAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(h.Communicator.StoreWrites > writesBefore);
            Assert.Contains("LOCKED1", File.ReadAllText(StorePath), StringComparison.Ordinal);
        }

        [Fact]
        public void Disconnect_and_learned_capabilities_survive_into_the_next_process()
        {
            using (var h = new Harness(storePath: StorePath))
            {
                h.Charger.Unsupported.Add(EmCommand.RequestChargingStatus);
                h.LoggedIn();
                // Asked by the probe after the login and by a session read: misses in a row teach "ignored".
                h.Run(h.Evse.RefreshSessionAsync().ContinueWith(_ => { }, System.Threading.Tasks.TaskScheduler.Default));
                h.AdvanceUntil(() => h.Evse.Capabilities.ChargingStatus == EvseCapability.Ignored, "the ignored 0x8006 is learned", TimeSpan.FromSeconds(30));
                Assert.Equal(EvseCapability.Answered, h.Evse.Capabilities.Brightness);
                h.Evse.Disconnect();
            }
            using var again = new Harness(storePath: StorePath);
            var evse = again.Communicator.GetEvse(again.Charger.Serial.ToString())!;
            Assert.True(evse.IsDisconnected);
            Assert.Equal(EvseCapability.Ignored, evse.Capabilities.ChargingStatus);
            Assert.Equal(EvseCapability.Answered, evse.Capabilities.Brightness);
            Assert.Equal("C.3252.112A008", evse.Capabilities.Firmware);
            // Before any contact in this process the state is unknown, not offline.
            Assert.Equal(EvseMetaState.Unknown, evse.MetaState);
            again.Charger.Send(EmCommand.Heading, EmptyPayload.Instance);
            again.Time.Advance(TimeSpan.FromSeconds(5));
            Assert.Equal(0, again.Transport.CountSent(EmCommand.HeadingResponse));
            Assert.Equal(0, again.Transport.CountSent(EmCommand.RequestLogin));
            Assert.Equal(EvseMetaState.Disconnected, evse.MetaState);
        }

        [Fact]
        public void A_corrupt_store_is_reported_and_left_untouched()
        {
            File.WriteAllText(StorePath, "{ this is not json");
            var before = File.ReadAllBytes(StorePath);
            using (var h = new Harness(storePath: StorePath))
            {
                Assert.NotNull(h.Communicator.StoreProblem);
                Assert.Contains(StorePath, h.Communicator.StoreProblem);
                Assert.Contains("left untouched", h.Communicator.StoreProblem);
                h.LoggedIn();
                h.Communicator.Save();
            }
            Assert.Equal(before, File.ReadAllBytes(StorePath));
        }

        [Fact]
        public void A_store_that_cannot_be_written_for_a_while_loses_nothing_and_is_written_once_it_can()
        {
            string folder = Path.Combine(_dir, "later");
            string path = Path.Combine(folder, "evses.json");
            File.WriteAllText(folder, "a file where the store's folder belongs");
            using var h = new Harness(storePath: path);
            h.LoggedIn();
            h.Communicator.Save();
            var first = h.Communicator.StoreError;
            Assert.Equal(ErrorIds.StoreWriteFailed, first?.ErrorId);
            // The same failure again keeps the first record (reported once while it lasts).
            h.Communicator.Save();
            Assert.Same(first, h.Communicator.StoreError);

            File.Delete(folder);
            h.Communicator.Save();
            Assert.Null(h.Communicator.StoreError);
            Assert.Contains("9181102751219513", File.ReadAllText(path), StringComparison.Ordinal);
        }

        [Fact]
        public void A_store_from_a_newer_version_is_refused_not_mangled()
        {
            File.WriteAllText(StorePath, "{\"format\":99,\"evses\":[]}");
            var before = File.ReadAllBytes(StorePath);
            using (var h = new Harness(storePath: StorePath))
            {
                Assert.Contains("newer", h.Communicator.StoreProblem);
                h.LoggedIn();
            }
            Assert.Equal(before, File.ReadAllBytes(StorePath));
        }

        [Fact]
        public void Two_writers_at_once_keep_each_others_chargers()
        {
            var one = new Harness(storePath: StorePath);
            var two = new Harness(storePath: StorePath);
            try
            {
                one.LoggedIn();
                two.Communicator.AddEvse("0123456789abcdef", new IPEndPoint(IPAddress.Loopback, 40002));
                Parallel.For(0, 20, i =>
                {
                    if (i % 2 == 0) one.Communicator.Save();
                    else two.Communicator.Save();
                });
            }
            finally
            {
                one.Dispose();
                two.Dispose();
            }
            using var check = new Harness(storePath: StorePath);
            Assert.NotNull(check.Communicator.GetEvse("9181102751219513"));
            Assert.NotNull(check.Communicator.GetEvse("0123456789abcdef"));
            Assert.Null(check.Communicator.StoreProblem);
        }

        [Fact]
        public void Removing_a_charger_forgets_it_and_its_password()
        {
            using (var h = new Harness(storePath: StorePath))
            {
                var evse = h.LoggedIn();
                h.Run(evse.GetConfigAsync(TimeSpan.Zero));
                h.Communicator.Save();
                h.Charger.Silent = true;
                Assert.True(h.Communicator.RemoveEvse("9181102751219513"));
            }
            using var again = new Harness(storePath: StorePath);
            Assert.Null(again.Communicator.GetEvse("9181102751219513"));
            Assert.DoesNotContain("9181102751219513", File.ReadAllText(StorePath));
        }

        [Fact]
        public void A_save_under_way_never_writes_back_a_charger_removed_meanwhile()
        {
            // The background writer's save, late replies to the reads after the login (which make the charger
            // known again) and the removal's own save race; whichever order they run in, the removed charger
            // stays out of the file.
            for (int round = 0; round < 12; round++)
            {
                if (File.Exists(StorePath)) File.Delete(StorePath);
                using (var h = new Harness(storePath: StorePath))
                {
                    var evse = h.LoggedIn();
                    h.Communicator.Save();
                    h.Communicator.MarkDirty(evse, saveNow: true);
                    Assert.True(h.Communicator.RemoveEvse("9181102751219513"));
                }
                using var again = new Harness(storePath: StorePath);
                Assert.Null(again.Communicator.GetEvse("9181102751219513"));
            }
        }

        [Fact]
        public void The_seed_librarys_evses_json_is_imported_with_its_password()
        {
            // emproto stores the password XOR 0xFF, base64.
            var encoded = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("123456").Select(b => (byte)(b ^ 0xFF)).ToArray());
            var json = "[{\"info\":{\"serial\":\"9181102751219513\",\"ip\":\"127.0.0.1\",\"port\":40001,\"brand\":\"BESEN\",\"model\":\"BS20\",\"hardwareVersion\":\"C.3252.112A008\",\"maxPower\":7040,\"maxElectricity\":32,\"hotLine\":\"WWW.EVSE.COM\",\"type\":1,\"phases\":1},"
                + "\"config\":{\"name\":\"Garage\",\"maxElectricity\":16,\"temperatureUnit\":\"CELSIUS\"},\"lastSeen\":1700000000,\"password\":\"" + encoded + "\"}]";
            var file = Path.Combine(_dir, "seed-evses.json");
            File.WriteAllText(file, json);
            using var h = new Harness(storePath: StorePath);
            var imported = h.Communicator.ImportEmproto(file);
            var evse = Assert.Single(imported);
            Assert.True(evse.HasPassword);
            Assert.Equal("Garage", evse.Name);
            Assert.Equal("BS20", evse.Info.Model);
            h.Run(evse.EnsureLoggedInAsync());
            Assert.True(evse.IsLoggedIn);
        }

        /// <summary>
        /// What the seed library's saveEvses writes (JSON.stringify of Evse.serialize(), 2-space indent):
        /// info as filled by updateLogin and updateVersion (phases, no type), config by the GET replies,
        /// times in Unix seconds, the password XOR 0xFF in base64.
        /// </summary>
        private static string SeedEvsesJson(string password) =>
            "[\n  {\n    \"info\": {\n      \"serial\": \"9181102751219513\",\n      \"ip\": \"127.0.0.1\",\n      \"port\": 40001,\n"
            + "      \"brand\": \"BESEN\",\n      \"model\": \"BS20\",\n      \"hardwareVersion\": \"C.3252.112A008\",\n      \"maxPower\": 22000,\n"
            + "      \"maxElectricity\": 32,\n      \"hotLine\": \"WWW.EVSE.COM\",\n      \"phases\": 3,\n      \"softwareVersion\": \"C.3252.112A009\",\n"
            + "      \"feature\": 5,\n      \"supportNew\": 1\n    },\n    \"config\": {\n      \"name\": \"Garage\",\n      \"language\": 3,\n"
            + "      \"offLineCharge\": 1,\n      \"maxElectricity\": 16,\n      \"temperatureUnit\": 2\n    },\n"
            + "    \"lastConfigUpdate\": 1700000100,\n    \"lastSeen\": 1700000000,\n    \"password\": \"" + EmprotoPassword(password) + "\"\n  }\n]";

        private static string EmprotoPassword(string password) =>
            Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(password).Select(b => (byte)(b ^ 0xFF)).ToArray());

        [Fact]
        public void Import_reads_every_field_the_seed_library_writes()
        {
            var file = Path.Combine(_dir, "seed-evses.json");
            File.WriteAllText(file, SeedEvsesJson("123456"));
            using var h = new Harness(storePath: StorePath);
            var evse = Assert.Single(h.Communicator.ImportEmproto(file));
            Assert.True(evse.Info.Phases == 3, "the seed writes 'phases' (not 'type'): a three-phase charger must stay three-phase; got " + evse.Info.Phases);
            Assert.Equal(22.0, evse.Info.MaxPowerKW);
            Assert.Equal("C.3252.112A009", evse.Info.SoftwareVersion);
            Assert.Equal(5, evse.Info.Feature);
            var config = evse.Config!;
            Assert.Equal("Garage", config.Name);
            Assert.Equal(EmProto.Protocol.EvseLanguage.German, config.Language);
            Assert.Equal(EmProto.Protocol.TemperatureUnit.Fahrenheit, config.TemperatureUnit);
            Assert.Equal(EmProto.Protocol.OfflineCharge.Disabled, config.OfflineCharge);
            Assert.Equal(1, config.OfflineChargeRaw);
            Assert.Equal(16, config.MaxCurrent);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000100), config.ReadAt);
            Assert.True(evse.HasPassword);
        }

        [Fact]
        public void Import_reads_the_type_code_of_older_seed_versions_and_setting_names()
        {
            var json = "[{\"info\":{\"serial\":\"9181102751219513\",\"ip\":\"127.0.0.1\",\"port\":40001,\"type\":10,\"p51\":11,\"canForceSinglePhase\":true},"
                + "\"config\":{\"temperatureUnit\":\"CELSIUS\",\"language\":\"FRENCH\"}}]";
            var file = Path.Combine(_dir, "old-evses.json");
            File.WriteAllText(file, json);
            using var h = new Harness(storePath: StorePath);
            var evse = Assert.Single(h.Communicator.ImportEmproto(file));
            Assert.Equal(3, evse.Info.Phases);
            Assert.Equal(10, evse.Info.TypeCode);
            Assert.Equal(EmProto.Protocol.TemperatureUnit.Celsius, evse.Config!.TemperatureUnit);
            Assert.Equal(EmProto.Protocol.EvseLanguage.French, evse.Config.Language);
        }

        [Theory]
        [InlineData("[{\"info\": {\"serial\": this}}]", "near 'this'")]
        [InlineData("[{\"info\": {\"serial\": \"9181102751219513\", \"port\": \"abc\"}}]", "'abc' is not a number")]
        [InlineData("{\"9181102751219513\": {}}", "'[' (a JSON array)")]
        [InlineData("   ", "empty")]
        public void Import_errors_say_what_is_wrong_in_plain_words(string json, string expected)
        {
            var file = Path.Combine(_dir, "bad-evses.json");
            File.WriteAllText(file, json);
            using var h = new Harness(storePath: StorePath);
            var ex = Assert.Throws<EvseException>(() => h.Communicator.ImportEmproto(file));
            Assert.Equal("EvseImportInvalid", ex.ErrorId);
            Assert.Contains(file, ex.Message);
            Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), "Expected \"" + expected + "\" in: " + ex.Message);
            Assert.Contains("saveEvses", ex.Message);
            AssertNoSerializerJargon(ex.Message);
        }

        [Fact]
        public void A_store_that_is_not_json_is_described_without_serializer_internals()
        {
            File.WriteAllText(StorePath, "{\"format\": 1, \"evses\": [ { \"serial\": \"9181102751219513\", \"pinned\": this } ] }");
            using var h = new Harness(storePath: StorePath);
            var problem = h.Communicator.StoreProblem!;
            Assert.Contains(StorePath, problem);
            Assert.Contains("near 'this'", problem);
            AssertNoSerializerJargon(problem);
        }

        private static void AssertNoSerializerJargon(string message)
        {
            foreach (var jargon in new[] { "token", "List`1", "System.", "Version=", "PublicKeyToken", "deserializing" })
                Assert.True(!message.Contains(jargon, StringComparison.Ordinal), "The message leaks serializer internals ('" + jargon + "'): " + message);
        }

        [Fact]
        public void A_taken_port_is_a_clear_error()
        {
            using var first = Transport.UdpSocketTransport.Bind(IPAddress.Loopback, 0, false);
            var ex = Assert.Throws<EvseException>(() => Transport.UdpSocketTransport.Bind(IPAddress.Loopback, first.LocalEndPoint.Port, false));
            Assert.Equal("EvsePortInUse", ex.ErrorId);
            Assert.Contains("already in use", ex.Message);
            Assert.Contains("-Port", ex.Message);
        }
    }
}

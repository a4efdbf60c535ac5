using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace EmProto.Engine.Tests
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

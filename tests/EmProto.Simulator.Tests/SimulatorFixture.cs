using System;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Microsoft.Extensions.Time.Testing;

namespace EmProto.Simulator.Tests
{
    /// <summary>A test app socket, fake time and one simulated charger wired to each other.</summary>
    public sealed class SimulatorFixture : IDisposable
    {
        public static readonly DateTimeOffset Epoch = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        public SimulatorFixture(Action<SimulatorOptions>? configure = null, bool expectLogin = true)
        {
            App = new TestApp();
            Time = new FakeTimeProvider(Epoch);
            var options = App.Options();
            configure?.Invoke(options);
            Evse = new SimulatedEvse(options, Time);
            App.Charger = Evse;
            Evse.Start();
            if (expectLogin) App.Expect(EmCommand.Login, "a charger announces itself as soon as it starts");
        }

        public TestApp App { get; }

        public FakeTimeProvider Time { get; }

        public SimulatedEvse Evse { get; }

        /// <summary>
        /// Advances fake time in 1 s steps. FakeTimeProvider.Advance calls every due timer once, at the
        /// final time, so cadences (Headings, pushes, resends) need small steps; physics does not.
        /// </summary>
        public void Run(TimeSpan total)
        {
            var step = TimeSpan.FromSeconds(1);
            for (var done = TimeSpan.Zero; done < total; done += step)
                Time.Advance(total - done < step ? total - done : step);
        }

        public ChargeStartResponsePayload Start(byte amps = 16, Action<ChargeStartPayload>? configure = null)
        {
            var p = new ChargeStartPayload { ChargeId = "sim0001", MaxAmps = amps, ReservationDate = EmTimestamp.FromInstant(Evse.Clock, Evse.TimeZone) };
            configure?.Invoke(p);
            App.Send(Evse, EmCommand.ChargeStart, p);
            return App.ExpectPayload<ChargeStartResponsePayload>(EmCommand.ChargeStartResponse, "every ChargeStart is answered");
        }

        public void Dispose()
        {
            Evse.Dispose();
            App.Dispose();
        }
    }
}

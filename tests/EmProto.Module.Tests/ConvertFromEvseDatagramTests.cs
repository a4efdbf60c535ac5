using System;
using System.Linq;
using System.Management.Automation;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.Protocol;
using EmProto.Protocol.Payloads;
using Xunit;

namespace EmProto.Module.Tests
{
    public sealed class ConvertFromEvseDatagramTests : IDisposable
    {
        private const string StatusHex = "0601 0032 00 9181102751219513 ffffffffffff 0004 01 092e 0000 00000000 00024081 5892 5892 01 02 02 0d 00000000 0b7b 0f02";
        private const string HeadingHex = "06010019009181102751219513ffffffffffff000308800f02";
        private const string ChargeStartHex = "0601004800918110275121951331323334353680070138363030373937393835373839323433313634393435353432313238383039360062505cdd0101ffffffffffff10130c0f02";

        private readonly ModuleHost _host = new ModuleHost();

        public void Dispose() => _host.Dispose();

        private static DecodedDatagram Single(ModuleHost.Result r)
        {
            Assert.Empty(r.Errors);
            return Assert.IsType<DecodedDatagram>(Assert.Single(r.Output).BaseObject);
        }

        [Fact]
        public void Hex_string_from_the_pipeline_decodes_the_status_with_units()
        {
            var d = Single(_host.Run("'" + StatusHex + "' | ConvertFrom-EvseDatagram -TimeZone UTC"));
            Assert.Equal("SingleAcStatus", d.CommandName);
            Assert.Equal(4, d.Command);
            Assert.Equal(DatagramDirection.ChargerToApp, d.Direction);
            Assert.Equal("9181102751219513", d.Serial);
            Assert.False(d.HasPassword);
            Assert.Equal(50, d.Length);
            var s = Assert.IsType<EvseState>(d.Payload);
            Assert.Equal("9181102751219513", s.Serial);
            Assert.Equal(235.0, s.L1Volts);
            Assert.Equal(0.0, s.L1Amps);
            Assert.Equal(1475.85, s.EnergyMeterKWh);
            Assert.Equal(26.74, s.InnerTemperatureC);
            Assert.Equal(26.74, s.OuterTemperatureC);
            Assert.Equal(EmProto.Protocol.CurrentState.ReadyToCharge, s.CurrentState);
            Assert.Equal(13, s.CurrentStateRaw);
            Assert.Equal(EvseMetaState.PluggedIn, s.State);
            Assert.Equal(EmProto.Protocol.EmergencyButtonState.Released, s.EmergencyButton);
            Assert.Equal(EmProto.Protocol.EvseErrors.None, s.Errors);
            Assert.Contains("ReadyToCharge", d.Summary, StringComparison.Ordinal);
        }

        private static string Hex(EmCommand command, EmPayload payload)
        {
            var bytes = DatagramCodec.Encode(new Datagram(EvseSerial.Parse("9181102751219513"), EmPassword.None, command, payload));
            return HexText.ToHex(bytes, 0, bytes.Length);
        }

        [Fact]
        public void A_charging_status_decodes_to_the_session_type_the_live_cmdlets_return()
        {
            var p = new ChargingStatusPayload
            {
                CurrentState = CurrentState.Charging, ChargeId = "202503011200", UserId = "emproto", MaxDurationMinutes = 90, MaxEnergyRaw = 1050, MaxAmps = 16,
                StartDate = EmTimestamp.FromInstant(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc), DurationSeconds = 600,
                StartMeterRaw = 100000, CurrentMeterRaw = 100100, ChargedEnergyRaw = 100, ChargePriceRaw = 250, FeeType = 1, ChargeFeeRaw = 30,
            };
            var d = Single(_host.Run("'" + Hex(EmCommand.SingleAcChargingStatusPublicAuto, p) + "' | ConvertFrom-EvseDatagram -TimeZone UTC"));
            var s = Assert.IsType<EvseChargeSession>(d.Payload);
            Assert.Equal("9181102751219513", s.Serial);
            Assert.Equal(EvseSessionKind.Current, s.Kind);
            Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), s.Start);
            Assert.False(s.TimesCorrected);
            Assert.Equal(TimeSpan.FromMinutes(90), s.MaxDuration);
            Assert.Equal(10.5, s.MaxEnergyKWh);
            Assert.Equal(16, s.MaxCurrent);
            Assert.Equal(1.0, s.EnergyKWh);
            Assert.Equal(1001.0, s.MeterKWh);
            Assert.Equal(2.5, s.Price);
            Assert.Equal(0.3, s.ChargeFee);
            Assert.Equal(1, s.FeeType);
        }

        [Fact]
        public void A_charge_record_decodes_to_the_record_type_the_live_cmdlets_return()
        {
            var p = new ChargeRecordPayload
            {
                ChargeId = "R1", StartUserId = "emproto", EndUserId = "Power Down", StopReason = 0xFF, HasStopCharge = 2, Param1 = 0xFFFF, Param2 = 2000,
                StartDate = EmTimestamp.FromInstant(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc), ChargedEnergyRaw = 1370,
                ChargePriceRaw = 411, FeeType = 1, ChargeFeeRaw = 50, DeclaredSampleCount = 3, Slots = new ushort[] { 0, 1200, 7300 },
            };
            string hex = Hex(EmCommand.UploadLocalChargeRecord, p);
            var d = Single(_host.Run("'" + hex + "' | ConvertFrom-EvseDatagram -TimeZone UTC"));
            var r = Assert.IsType<EvseChargeRecord>(d.Payload);
            Assert.Equal("9181102751219513", r.Serial);
            Assert.Equal(EvseStopReason.PowerDown, r.StopReason);
            Assert.Equal(255, r.StopReasonRaw);
            Assert.Null(r.MaxDuration);
            Assert.Equal(20.0, r.MaxEnergyKWh);
            Assert.Equal(13.7, r.EnergyKWh);
            Assert.Equal(4.11, r.Price);
            Assert.Equal(0.5, r.ChargeFee);
            Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero), r.Start);

            Assert.Equal("0 1200 7300", r.PowerSamples);
        }

        [Fact]
        public void Byte_array_from_the_pipeline_binds_to_Bytes()
        {
            var r = _host.Run("$b = [byte[]](0x06,0x01,0x00,0x19,0x00,0x91,0x81,0x10,0x27,0x51,0x21,0x95,0x13,0xff,0xff,0xff,0xff,0xff,0xff,0x00,0x03,0x08,0x80,0x0f,0x02); ,$b | ConvertFrom-EvseDatagram");
            var d = Single(r);
            Assert.Equal("Heading", d.CommandName);
            Assert.Equal(25, d.Length);
            Assert.Same(EmProto.Protocol.Payloads.EmptyPayload.Instance, d.Payload);
        }

        [Fact]
        public void Byte_array_enumerated_into_the_pipeline_is_gathered_into_one_packet()
        {
            var r = _host.Run("$b = [Convert]::FromHexString('" + HeadingHex + HeadingHex + "'); $b | ConvertFrom-EvseDatagram");
            Assert.Empty(r.Errors);
            Assert.Equal(new[] { "Heading", "Heading" }, r.Output.Select(o => ((DecodedDatagram)o.BaseObject).CommandName));
        }

        [Fact]
        public void Bytes_parameter_and_Hex_array_parameter_decode_each_item()
        {
            var r = _host.Run("ConvertFrom-EvseDatagram -Hex '" + HeadingHex + "', '" + StatusHex + "'");
            Assert.Empty(r.Errors);
            Assert.Equal(new[] { "Heading", "SingleAcStatus" }, r.Output.Select(o => ((DecodedDatagram)o.BaseObject).CommandName));

            r = _host.Run("ConvertFrom-EvseDatagram -Bytes ([Convert]::FromHexString('" + HeadingHex + "'))");
            Assert.Equal("Heading", Single(r).CommandName);
        }

        [Fact]
        public void Several_datagrams_in_one_packet_give_several_objects()
        {
            var r = _host.Run("'" + StatusHex + " " + HeadingHex + " 0x" + HeadingHex + "' | ConvertFrom-EvseDatagram");
            Assert.Empty(r.Errors);
            Assert.Equal(new[] { "SingleAcStatus", "Heading", "Heading" }, r.Output.Select(o => ((DecodedDatagram)o.BaseObject).CommandName));
        }

        [Fact]
        public void App_datagram_says_it_has_a_password_but_never_shows_it_and_reads_times_in_the_given_zone()
        {
            var r = _host.Run("'" + ChargeStartHex + "' | ConvertFrom-EvseDatagram -TimeZone Europe/Paris");
            Assert.Empty(r.Errors);
            var d = Assert.IsType<DecodedDatagram>(r.Output[0].BaseObject);
            Assert.Equal(DatagramDirection.AppToCharger, d.Direction);
            Assert.Equal(0x8007, d.Command);
            Assert.True(d.HasPassword);
            var start = Assert.IsType<DecodedChargeStart>(d.Payload);
            Assert.Equal(new DateTimeOffset(2022, 4, 8, 22, 3, 41, TimeSpan.Zero), start.StartAt);
            Assert.Equal(TimeSpan.FromHours(2), start.StartAt!.Value.Offset);
            Assert.Equal(16, start.MaxAmps);
            Assert.Null(start.MaxDurationMinutes);
            Assert.DoesNotContain("123456", d.ToString(), StringComparison.Ordinal);
            Assert.All(typeof(DecodedDatagram).GetProperties(), p => Assert.DoesNotContain("123456", Convert.ToString(p.GetValue(d), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparison.Ordinal));
        }

        [Fact]
        public void Fixed_offset_and_TimeZoneInfo_are_accepted_for_TimeZone()
        {
            var r = _host.Run("'" + ChargeStartHex + "' | ConvertFrom-EvseDatagram -TimeZone '+02:00'; '" + ChargeStartHex + "' | ConvertFrom-EvseDatagram -TimeZone ([TimeZoneInfo]::Utc)");
            Assert.Empty(r.Errors);
            var plus2 = (DecodedChargeStart)((DecodedDatagram)r.Output[0].BaseObject).Payload;
            var utc = (DecodedChargeStart)((DecodedDatagram)r.Output[1].BaseObject).Payload;
            Assert.Equal(new DateTimeOffset(2022, 4, 8, 22, 3, 41, TimeSpan.Zero), plus2.StartAt);
            Assert.Equal(new DateTimeOffset(2022, 4, 9, 0, 3, 41, TimeSpan.Zero), utc.StartAt);
        }

        [Fact]
        public void Unknown_time_zone_is_a_parameter_binding_error()
        {
            var r = _host.Run("try { '" + HeadingHex + "' | ConvertFrom-EvseDatagram -TimeZone 'Mars/Olympus_Mons' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }");
            Assert.Contains("ParameterArgumentTransformationError", r.Output.Single().ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void Bad_checksum_is_a_non_terminating_EvseDatagramInvalid_error_and_the_next_item_is_decoded()
        {
            string bad = HeadingHex.Substring(0, 42) + "0881" + "0f02";
            var r = _host.Run("'" + bad + "', '" + HeadingHex + "' | ConvertFrom-EvseDatagram");
            var error = Assert.Single(r.Errors);
            Assert.Equal("EvseDatagramInvalid,EmProto.PowerShell.Commands.ConvertFromEvseDatagramCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("BadChecksum", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(bad, error.TargetObject);
            Assert.Equal("Heading", ((DecodedDatagram)Assert.Single(r.Output).BaseObject).CommandName);
        }

        [Theory]
        [InlineData("0601zz", "not hex")]
        [InlineData("060100", "TooShort")]
        [InlineData("07010019009181102751219513ffffffffffff000308800f02", "BadHeader")]
        [InlineData("06010099009181102751219513ffffffffffff000308800f02", "BadLength")]
        [InlineData("06010019009181102751219513ffffffffffff000308800f03", "BadTail")]
        public void Each_kind_of_invalid_input_is_reported_with_its_reason(string hex, string reason)
        {
            var r = _host.Run("'" + hex + "' | ConvertFrom-EvseDatagram");
            Assert.Empty(r.Output);
            var error = Assert.Single(r.Errors);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.StartsWith("EvseDatagramInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(reason, error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Cmdlet_declares_its_output_type_and_parameter_sets()
        {
            var r = _host.Run("$c = Get-Command ConvertFrom-EvseDatagram; $c.OutputType.Name; $c.DefaultParameterSet; $c.ParameterSets.Name");
            Assert.Empty(r.Errors);
            Assert.Equal("EmProto.PowerShell.DecodedDatagram", r.Output[0].ToString());
            Assert.Equal("Hex", r.Output[1].ToString());
            Assert.Equal(new[] { "Bytes", "Hex" }, r.Output.Skip(2).Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal));
        }
    }
}

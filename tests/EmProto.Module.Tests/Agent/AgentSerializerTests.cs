using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.PowerShell.Agent;
using EmProto.Protocol;
using Xunit;

namespace EmProto.Module.Tests.Agent
{
    /// <summary>Values that cross the agent's channel come back as the same typed objects.</summary>
    public class AgentSerializerTests
    {
        /// <summary>
        /// Output types of the cmdlets that are not round-tripped, and why: PSEventJob is a live job of the caller's own
        /// event manager (Register-EvseEvent subscribes in the session that asks, never through the agent); SimulatedEvse
        /// is a running simulator with its socket (a handle, not data); void is no output. string needs no rebuilding.
        /// </summary>
        private static readonly HashSet<Type> NotRoundTripped = new HashSet<Type> { typeof(PSEventJob), typeof(EmProto.Simulator.SimulatedEvse), typeof(void), typeof(string) };

        private static readonly DateTimeOffset SomeInstant = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(5.5)).AddTicks(1234567);

        public static IEnumerable<object[]> OutputTypes() =>
            typeof(EvseCharger).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<CmdletAttribute>() != null)
                .SelectMany(t => t.GetCustomAttributes<OutputTypeAttribute>())
                .SelectMany(a => a.Type)
                .Select(n => n.Type)
                .Where(t => t != null && !NotRoundTripped.Contains(t))
                .Distinct()
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => new object[] { t.FullName! });

        [Fact]
        public void The_output_types_of_the_cmdlets_are_found()
        {
            var names = OutputTypes().Select(o => (string)o[0]).ToList();
            foreach (var expected in new[] { typeof(EvseCharger), typeof(EvseState), typeof(EvseConfig), typeof(EvseChargeSession), typeof(EvseChargeRecord), typeof(EvseSystemTime), typeof(ChargeStartResult), typeof(EvseCommunicatorStatus), typeof(DecodedDatagram) })
                Assert.True(names.Contains(expected.FullName!), expected.Name + " is among the cmdlets' output types: " + string.Join(", ", names));
        }

        [Theory]
        [MemberData(nameof(OutputTypes))]
        public void Every_cmdlet_output_type_comes_back_as_itself_with_every_property(string typeName)
        {
            var type = FindType(typeName);
            var original = Fill(type, 1);

            var back = AgentSerializer.Deserialize(AgentSerializer.Serialize(original));
            Assert.IsType(type, back);
            AssertSame(original, back, type.Name);

            // A cmdlet's output is wrapped in a PSObject: the same comes back.
            var wrapped = AgentSerializer.Deserialize(AgentSerializer.Serialize(PSObject.AsPSObject(original)));
            Assert.IsType(type, wrapped);
            AssertSame(original, wrapped, type.Name);
        }

        [Fact]
        public void A_string_comes_back_unchanged()
        {
            Assert.Equal("12:00 Charging 3.2 kW", AgentSerializer.Deserialize(AgentSerializer.Serialize("12:00 Charging 3.2 kW")));
        }

        public static IEnumerable<object[]> EventValues()
        {
            yield return new object[] { "states", Fill(typeof(EvseState), 2), Fill(typeof(EvseState), 3) };
            yield return new object[] { "bools", false, true };
            yield return new object[] { "session", null!, Fill(typeof(EvseChargeSession), 4) };
            yield return new object[] { "errors", EvseErrors.None, EvseErrors.CpError | EvseErrors.RelayStuckL2 };
            yield return new object[] { "text", "old name", "new name" };
            yield return new object[] { "config", Fill(typeof(EvseConfig), 5), Fill(typeof(EvseConfig), 6) };
        }

        [Theory]
        [MemberData(nameof(EventValues))]
        public void Event_args_come_back_with_their_charger_and_typed_values(string label, object? oldValue, object? newValue)
        {
            var charger = (EvseCharger)Fill(typeof(EvseCharger), 7);
            var args = new EvseChargerEventArgs(charger, EvseEventName.StateChanged, EvseChange.State, oldValue, newValue, SomeInstant, "changed: " + label);

            var back = Assert.IsType<EvseChargerEventArgs>(AgentSerializer.Deserialize(AgentSerializer.Serialize(args)));
            AssertSame(args, back, "EvseChargerEventArgs(" + label + ")");
        }

        [Fact]
        public void An_array_of_chargers_comes_back_as_chargers_that_make_an_EvseCharger_array()
        {
            var chargers = new[] { (EvseCharger)Fill(typeof(EvseCharger), 8), (EvseCharger)Fill(typeof(EvseCharger), 9) };

            var back = AgentSerializer.Deserialize(AgentSerializer.Serialize(chargers));
            var array = LanguagePrimitives.ConvertTo<EvseCharger[]>(back);
            AssertSame(chargers, array, "EvseCharger[]");
        }

        [Fact]
        public void A_hashtable_of_parameters_comes_back_with_typed_values()
        {
            var chargers = new[] { (EvseCharger)Fill(typeof(EvseCharger), 10), (EvseCharger)Fill(typeof(EvseCharger), 11) };
            var parameters = new Hashtable(StringComparer.OrdinalIgnoreCase)
            {
                ["Timeout"] = TimeSpan.FromSeconds(90.5),
                ["StartAt"] = SomeInstant,
                ["State"] = EvseMetaState.Charging,
                ["InputObject"] = chargers,
                ["Name"] = "Garage",
                ["MaxCurrent"] = 16,
            };

            var back = Assert.IsType<Hashtable>(Plain(AgentSerializer.Deserialize(AgentSerializer.Serialize(parameters))));
            Assert.Equal(TimeSpan.FromSeconds(90.5), Plain(back["Timeout"]));
            var startAt = Assert.IsType<DateTimeOffset>(Plain(back["StartAt"]));
            Assert.Equal(SomeInstant.Ticks, startAt.Ticks);
            Assert.Equal(TimeSpan.FromHours(5.5), startAt.Offset);
            Assert.Equal(EvseMetaState.Charging, Plain(back["State"]));
            Assert.Equal("Garage", Plain(back["Name"]));
            Assert.Equal(16, Plain(back["MaxCurrent"]));
            AssertSame(chargers, LanguagePrimitives.ConvertTo<EvseCharger[]>(back["InputObject"]), "InputObject");
        }

        [Fact]
        public void DateTimes_keep_their_kind_and_DateTimeOffsets_their_offset()
        {
            foreach (var kind in new[] { DateTimeKind.Utc, DateTimeKind.Local, DateTimeKind.Unspecified })
            {
                var value = new DateTime(2024, 1, 2, 3, 4, 5, kind).AddTicks(7);
                var back = Assert.IsType<DateTime>(Plain(AgentSerializer.Deserialize(AgentSerializer.Serialize(value))));
                Assert.Equal(value.Ticks, back.Ticks);
                Assert.Equal(kind, back.Kind);
            }
            foreach (var offset in new[] { TimeSpan.Zero, TimeSpan.FromHours(-7), TimeSpan.FromMinutes(345) })
            {
                var value = new DateTimeOffset(2024, 10, 27, 2, 30, 0, offset).AddTicks(9);
                var back = Assert.IsType<DateTimeOffset>(AgentSerializer.Deserialize(AgentSerializer.Serialize(value)));
                Assert.Equal(value.Ticks, back.Ticks);
                Assert.Equal(offset, back.Offset);
            }
        }

        public static IEnumerable<object[]> EngineErrors()
        {
            var charger = (EvseCharger)Fill(typeof(EvseCharger), 12);
            yield return new object[] { "timeout", ErrorRecordFactory.FromException(new EvseTimeoutException("No answer from 9181102751219513 after 3 tries.", KnownSerial), charger) };
            yield return new object[] { "rejected", ErrorRecordFactory.FromException(new EvseCommandRejectedException(ErrorIds.StartNotPluggedIn, "NotPluggedIn", 1, "The charger refused to start: no car is plugged in.", KnownSerial), charger) };
            yield return new object[] { "wear guard", ErrorRecordFactory.FromException(new EvseWearGuardException("Too soon after the last start.", SomeInstant, KnownSerial), charger) };
            yield return new object[] { "authentication", ErrorRecordFactory.FromException(new EvseAuthenticationException("The charger refused the password.", KnownSerial), charger) };
            yield return new object[] { "not found", ErrorRecordFactory.NotFound("serial", "0123456789abcdef") };
            yield return new object[] { "store", ErrorRecordFactory.StoreError(new EvseException(EvseErrorKind.Store, ErrorIds.StoreLocked, "The file stayed locked."), "/tmp/evse.json") };
        }

        private const string KnownSerial = "9181102751219513";

        [Theory]
        [MemberData(nameof(EngineErrors))]
        public void An_error_from_an_EvseException_comes_back_with_its_id_category_target_message_and_exception(string label, ErrorRecord original)
        {
            var back = Assert.IsType<ErrorRecord>(AgentSerializer.Deserialize(AgentSerializer.Serialize(original)));

            Assert.True(original.FullyQualifiedErrorId == back.FullyQualifiedErrorId, label + ": the id " + original.FullyQualifiedErrorId + " comes back, got " + back.FullyQualifiedErrorId);
            Assert.Equal(original.CategoryInfo.Category, back.CategoryInfo.Category);
            Assert.Equal(original.CategoryInfo.GetMessage(CultureInfo.InvariantCulture), back.CategoryInfo.GetMessage(CultureInfo.InvariantCulture));
            Assert.Equal(original.ToString(), back.ToString());
            Assert.Equal(original.ErrorDetails?.Message, back.ErrorDetails?.Message);
            Assert.Equal(original.ErrorDetails?.RecommendedAction, back.ErrorDetails?.RecommendedAction);
            if (original.TargetObject is string) Assert.Equal(original.TargetObject, back.TargetObject);
            else AssertSame(original.TargetObject, back.TargetObject, label + ".TargetObject");
            // The exception is rebuilt as its own type, with every public property (Kind, ErrorId, Serial, Reason, AllowedAt...).
            AssertSameException(original.Exception, back.Exception, label);
        }

        [Fact]
        public void An_error_serialized_whole_by_PSSerializer_comes_back_too()
        {
            var charger = (EvseCharger)Fill(typeof(EvseCharger), 13);
            var original = ErrorRecordFactory.FromException(new EvseWearGuardException("Too soon after the last stop.", SomeInstant, KnownSerial), charger);

            var back = AgentSerializer.RehydrateError(System.Management.Automation.PSSerializer.Deserialize(System.Management.Automation.PSSerializer.Serialize(original, 3)));

            Assert.Equal(original.FullyQualifiedErrorId, back.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, back.CategoryInfo.Category);
            Assert.Equal(original.ToString(), back.ToString());
            AssertSame(charger, back.TargetObject, "TargetObject");
            AssertSameException(original.Exception, back.Exception, "wear guard");
        }

        [Fact]
        public void Errors_of_framework_exceptions_come_back_as_those_exceptions()
        {
            var invalid = ErrorRecordFactory.InvalidArgument(ErrorIds.InvalidCurrent, "The current must be 6 to 32 A.", "MaxCurrent", 40);
            var back = Assert.IsType<ErrorRecord>(AgentSerializer.Deserialize(AgentSerializer.Serialize(invalid)));
            var argument = Assert.IsType<ArgumentException>(back.Exception);
            Assert.Equal(invalid.Exception.Message, argument.Message);
            Assert.Equal("MaxCurrent", argument.ParamName);
            Assert.Equal(ErrorIds.InvalidCurrent, back.FullyQualifiedErrorId);
            Assert.Equal(40, Plain(back.TargetObject));

            var timeout = ErrorRecordFactory.WaitTimeout(ErrorIds.WaitTimeout, "The charger did not reach Charging within 30 s.", KnownSerial);
            var timeoutBack = AgentSerializer.RehydrateError(System.Management.Automation.PSSerializer.Deserialize(AgentSerializer.Serialize(timeout)));
            Assert.IsType<TimeoutException>(timeoutBack.Exception);
            Assert.Equal(timeout.Exception.Message, timeoutBack.Exception.Message);
            Assert.Equal(ErrorCategory.OperationTimeout, timeoutBack.CategoryInfo.Category);
        }

        [Fact]
        public void An_error_of_a_foreign_exception_comes_back_as_a_RemoteException_with_its_message()
        {
            var original = new ErrorRecord(new Microsoft.PowerShell.Commands.WriteErrorException("something else broke"), "Other,Some.Command", ErrorCategory.WriteError, null);
            var back = AgentSerializer.RehydrateError(System.Management.Automation.PSSerializer.Deserialize(AgentSerializer.Serialize(original)));
            Assert.IsType<RemoteException>(back.Exception);
            Assert.Equal("something else broke", back.Exception.Message);
            Assert.Equal("Other,Some.Command", back.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, back.CategoryInfo.Category);
        }

        [Fact]
        public void Bags_that_do_not_fit_and_foreign_values_are_given_back_unchanged()
        {
            var wrongCharger = new PSObject();
            wrongCharger.TypeNames.Clear();
            wrongCharger.TypeNames.Insert(0, "Deserialized.EmProto.PowerShell.EvseCharger");
            wrongCharger.Properties.Add(new PSNoteProperty("Port", "not a number"));
            Assert.Same(wrongCharger, AgentSerializer.Rehydrate(wrongCharger));

            var eventWithoutCharger = new PSObject();
            eventWithoutCharger.TypeNames.Insert(0, "Deserialized.EmProto.PowerShell.EvseChargerEventArgs");
            eventWithoutCharger.Properties.Add(new PSNoteProperty("Message", "no charger"));
            Assert.Same(eventWithoutCharger, AgentSerializer.Rehydrate(eventWithoutCharger));

            var foreign = System.Management.Automation.PSSerializer.Deserialize(System.Management.Automation.PSSerializer.Serialize(new Version(1, 2, 3)));
            Assert.Same(foreign, AgentSerializer.Rehydrate(foreign));

            var notAnError = AgentSerializer.RehydrateError("just text");
            Assert.Equal("just text", notAnError.Exception.Message);
            Assert.Equal(42, AgentSerializer.Rehydrate(42));
            Assert.Null(AgentSerializer.Rehydrate(null));
        }

        // ---- helpers ----

        internal static Type FindType(string fullName) =>
            new[] { typeof(EvseCharger).Assembly, typeof(EvseState).Assembly, typeof(EvseSerial).Assembly }
                .Select(a => a.GetType(fullName, false))
                .FirstOrDefault(t => t != null) ?? throw new InvalidOperationException("No type " + fullName);

        /// <summary>The object under a PSObject that only wraps it.</summary>
        internal static object? Plain(object? value) => value is PSObject p && !(p.BaseObject is PSCustomObject) ? p.BaseObject : value;

        /// <summary>An instance with a value other than the default in every settable property (by reflection: a new property is filled too).</summary>
        internal static object Fill(Type type, int seed)
        {
            var instance = Activator.CreateInstance(type)!;
            int n = seed * 100;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() != null))
            {
                var value = Sample(property.PropertyType, ++n);
                property.SetValue(instance, value);
                Assert.False(Equals(value, property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null), type.Name + "." + property.Name + " is filled with a value other than its default");
            }
            return instance;
        }

        private static object Sample(Type type, int n)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null) return Sample(underlying, n);
            if (type == typeof(string)) return "text " + n.ToString(CultureInfo.InvariantCulture);
            if (type == typeof(bool)) return true;
            if (type == typeof(int)) return n + 1;
            if (type == typeof(long)) return 10_000_000_000L + n;
            if (type == typeof(byte)) return (byte)(n % 250 + 1);
            if (type == typeof(double)) return n + 0.125;
            if (type == typeof(DateTimeOffset)) return SomeInstant.AddTicks(n * 10_000_001L).ToOffset(TimeSpan.FromMinutes(-150 + n % 7 * 60));
            if (type == typeof(DateTime)) return new DateTime(2024, 2, 29, 23, 59, 58, n % 2 == 0 ? DateTimeKind.Utc : DateTimeKind.Local).AddTicks(n * 3_000_007L);
            if (type == typeof(TimeSpan)) return TimeSpan.FromTicks(n * 10_000_003L);
            if (type == typeof(Guid)) return new Guid(n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                var nonDefault = values.Cast<object>().Where(v => System.Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).ToList();
                return nonDefault[n % nonDefault.Count];
            }
            if (type == typeof(int[])) return new[] { n, n + 1200, n + 7300 };
            if (type == typeof(Dictionary<string, long>)) return new Dictionary<string, long> { ["Malformed"] = n + 3, ["Unsolicited"] = n + 40 };
            if (type == typeof(object)) return Fill(typeof(EvseState), n);
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                var list = (IList)Activator.CreateInstance(type)!;
                list.Add(Sample(type.GetGenericArguments()[0], n));
                list.Add(Sample(type.GetGenericArguments()[0], n + 50));
                return list;
            }
            if (type.IsClass && type.GetConstructor(Type.EmptyTypes) != null && type.Namespace != null && type.Namespace.StartsWith("EmProto", StringComparison.Ordinal)) return Fill(type, n);
            throw new InvalidOperationException("The round-trip test has no sample for properties of type " + type + ": add one to Sample.");
        }

        /// <summary>Compares two values property by property (DateTimeOffsets by clock and offset, DateTimes with their kind).</summary>
        internal static void AssertSame(object? expected, object? actual, string path)
        {
            actual = Plain(actual);
            if (expected == null)
            {
                Assert.True(actual == null, path + " is null, got " + actual);
                return;
            }
            Assert.True(actual != null, path + " is " + expected + ", got null");
            Assert.True(expected.GetType() == actual!.GetType(), path + " is a " + expected.GetType() + ", got a " + actual.GetType());
            switch (expected)
            {
                case DateTimeOffset e:
                    var a = (DateTimeOffset)actual;
                    Assert.True(e.Ticks == a.Ticks && e.Offset == a.Offset, path + " is " + e.ToString("o", CultureInfo.InvariantCulture) + ", got " + a.ToString("o", CultureInfo.InvariantCulture));
                    return;
                case DateTime e:
                    var d = (DateTime)actual;
                    Assert.True(e.Ticks == d.Ticks && e.Kind == d.Kind, path + " is " + e.ToString("o", CultureInfo.InvariantCulture) + " (" + e.Kind + "), got " + d.ToString("o", CultureInfo.InvariantCulture) + " (" + d.Kind + ")");
                    return;
                case string _:
                case Enum _:
                case TimeSpan _:
                case Guid _:
                case decimal _:
                case var _ when expected.GetType().IsPrimitive:
                    Assert.True(expected.Equals(actual), path + " is " + expected + ", got " + actual);
                    return;
                case IDictionary e:
                    var ad = (IDictionary)actual;
                    Assert.True(e.Count == ad.Count, path + " has " + e.Count + " entries, got " + ad.Count);
                    foreach (DictionaryEntry entry in e) AssertSame(entry.Value, ad[entry.Key], path + "[" + entry.Key + "]");
                    return;
                case IEnumerable e:
                    var expectedItems = e.Cast<object?>().ToList();
                    var actualItems = ((IEnumerable)actual).Cast<object?>().ToList();
                    Assert.True(expectedItems.Count == actualItems.Count, path + " has " + expectedItems.Count + " items, got " + actualItems.Count);
                    for (int i = 0; i < expectedItems.Count; i++) AssertSame(expectedItems[i], actualItems[i], path + "[" + i + "]");
                    return;
            }
            foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                AssertSame(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
        }

        internal static void AssertSameException(Exception expected, Exception actual, string path)
        {
            Assert.True(expected.GetType() == actual.GetType(), path + ": the exception is a " + expected.GetType() + ", got a " + actual.GetType());
            Assert.Equal(expected.Message, actual.Message);
            var skipped = new HashSet<string>(StringComparer.Ordinal) { "Data", "TargetSite", "StackTrace", "InnerException", "Source", "HResult", "HelpLink" };
            foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !skipped.Contains(p.Name)))
                AssertSame(property.GetValue(expected), property.GetValue(actual), path + ".Exception." + property.Name);
        }
    }
}

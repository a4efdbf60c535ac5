using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EmProto.Engine;
using EmProto.Protocol;

namespace EmProto.PowerShell.Agent
{
    /// <summary>
    /// Carries values between a PowerShell session and the agent as CLIXML, and turns the property bags that
    /// <see cref="PSSerializer"/> gives back ("Deserialized.EmProto...") into real instances of our types again,
    /// so a forwarded cmdlet outputs, binds and fails with the same objects as one that runs in-process.
    /// </summary>
    internal static class AgentSerializer
    {
        /// <summary>
        /// Serialization depth: deep enough for our deepest output (an EvseConfig inside an event's NewValue:
        /// event args, config, schedule, list of days, day).
        /// </summary>
        internal const int Depth = 5;

        private const string DeserializedPrefix = "Deserialized.";
        private const string ErrorRecordTypeName = DeserializedPrefix + "System.Management.Automation.ErrorRecord";
        private const string DateTimeOffsetTypeName = DeserializedPrefix + "System.DateTimeOffset";

        private static readonly Assembly[] OurAssemblies =
        {
            typeof(EvseCharger).Assembly,
            typeof(EvseException).Assembly,
            typeof(EvseSerial).Assembly,
        };

        private static readonly ConcurrentDictionary<string, Type?> TypesByName = new ConcurrentDictionary<string, Type?>(StringComparer.Ordinal);

        /// <summary>
        /// The value as CLIXML text (<see cref="PSSerializer.Serialize(object, int)"/> at <see cref="Depth"/>). An
        /// ErrorRecord is written as the bag of what <see cref="RehydrateError"/> reads back (exception type, message
        /// and own properties, id, category, target, details): whole, at that depth, it would carry its invocation's
        /// command metadata and the exception's reflection objects, megabytes of text.
        /// </summary>
        public static string Serialize(object? value)
        {
            var plain = value is PSObject pso ? pso.BaseObject : value;
            return PSSerializer.Serialize(plain is ErrorRecord record ? ErrorBag(record) : value, Depth);
        }

        /// <summary>The value a CLIXML text describes, with our types rebuilt (<see cref="Rehydrate"/>).</summary>
        /// <exception cref="System.Xml.XmlException">The text is not CLIXML.</exception>
        public static object? Deserialize(string clixml)
        {
            if (clixml == null) throw new ArgumentNullException(nameof(clixml));
            return Rehydrate(PSSerializer.Deserialize(clixml));
        }

        /// <summary>
        /// Rebuilds deserialized values: bags of our public types become instances again (recursively), a bag of an
        /// ErrorRecord becomes an ErrorRecord, a bag of a DateTimeOffset a DateTimeOffset; hashtables and lists are
        /// rebuilt in place, element by element. Anything else (primitives, strings, foreign bags) is returned as it
        /// is, and so is a bag that cannot be rebuilt: this never throws.
        /// </summary>
        public static object? Rehydrate(object? value)
        {
            try
            {
                return RehydrateValue(value);
            }
            catch (Exception ex) when (IsRecoverable(ex))
            {
                return value;
            }
        }

        /// <summary>
        /// The ErrorRecord a deserialized error describes: same FullyQualifiedErrorId (as the error id), category,
        /// target (rehydrated), message and ErrorDetails; the exception rebuilt as its own type when it is one of
        /// ours (EvseException and subclasses) or a framework exception that takes a message, else a
        /// <see cref="RemoteException"/> (as remoting gives) with the same message. A value that is no error at all gives an error whose
        /// message is its text.
        /// </summary>
        public static ErrorRecord RehydrateError(object deserialized)
        {
            if (deserialized is ErrorRecord record) return record;
            if (deserialized is PSObject pso && pso.BaseObject is ErrorRecord wrapped) return wrapped;
            try
            {
                if (deserialized is PSObject bag) return BuildErrorRecord(bag);
            }
            catch (Exception ex) when (IsRecoverable(ex))
            {
                return new ErrorRecord(new RemoteException(TextOf(deserialized), ex), string.Empty, ErrorCategory.NotSpecified, deserialized);
            }
            return new ErrorRecord(new RemoteException(TextOf(deserialized)), string.Empty, ErrorCategory.NotSpecified, deserialized);
        }

        /// <summary>An ErrorRecord as a bag with the properties and type names PSSerializer gives an ErrorRecord, less the bulk.</summary>
        private static PSObject ErrorBag(ErrorRecord record)
        {
            var bag = new PSObject();
            bag.TypeNames.Clear();
            foreach (var name in PSObject.AsPSObject(record).TypeNames) bag.TypeNames.Add(name);
            var info = record.CategoryInfo;
            bag.Properties.Add(new PSNoteProperty("Exception", ExceptionBag(record.Exception)));
            bag.Properties.Add(new PSNoteProperty("TargetObject", record.TargetObject));
            bag.Properties.Add(new PSNoteProperty("FullyQualifiedErrorId", record.FullyQualifiedErrorId));
            bag.Properties.Add(new PSNoteProperty("ErrorCategory_Category", (int)info.Category));
            bag.Properties.Add(new PSNoteProperty("ErrorCategory_Activity", info.Activity));
            bag.Properties.Add(new PSNoteProperty("ErrorCategory_Reason", info.Reason));
            bag.Properties.Add(new PSNoteProperty("ErrorCategory_TargetName", info.TargetName));
            bag.Properties.Add(new PSNoteProperty("ErrorCategory_TargetType", info.TargetType));
            if (record.ErrorDetails != null)
            {
                bag.Properties.Add(new PSNoteProperty("ErrorDetails_Message", record.ErrorDetails.Message));
                bag.Properties.Add(new PSNoteProperty("ErrorDetails_RecommendedAction", record.ErrorDetails.RecommendedAction));
            }
            return bag;
        }

        /// <summary>
        /// An exception as a bag: its type chain, its message and the plain values of the properties its own types
        /// add (an EvseException's Kind, ErrorId, Serial, ...; an ArgumentException's ParamName).
        /// </summary>
        private static PSObject ExceptionBag(Exception exception)
        {
            var bag = new PSObject();
            bag.TypeNames.Clear();
            for (var type = exception.GetType(); type != null; type = type.BaseType) bag.TypeNames.Add(type.FullName ?? type.Name);
            bag.Properties.Add(new PSNoteProperty("Message", exception.Message));
            foreach (var property in exception.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.DeclaringType == typeof(Exception) || property.GetIndexParameters().Length > 0 || !IsPlainValueType(property.PropertyType)) continue;
                try
                {
                    bag.Properties.Add(new PSNoteProperty(property.Name, property.GetValue(exception, null)));
                }
                catch (TargetInvocationException)
                {
                    // A getter that fails has nothing to carry.
                }
            }
            return bag;
        }

        private static bool IsPlainValueType(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime) ||
                t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid);
        }

        private static object? RehydrateValue(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case PSObject pso:
                    return RehydratePSObject(pso);
                case string _:
                    return value;
                case IDictionary dictionary:
                    RehydrateEntries(dictionary);
                    return dictionary;
                case IList list:
                    RehydrateItems(list);
                    return list;
                default:
                    return value;
            }
        }

        private static object? RehydratePSObject(PSObject pso)
        {
            var typeName = pso.TypeNames.Count > 0 ? pso.TypeNames[0] : string.Empty;
            if (typeName.StartsWith(DeserializedPrefix, StringComparison.Ordinal))
            {
                if (string.Equals(typeName, ErrorRecordTypeName, StringComparison.Ordinal)) return BuildErrorRecord(pso);
                if (string.Equals(typeName, DateTimeOffsetTypeName, StringComparison.Ordinal)) return BuildDateTimeOffset(pso) ?? (object)pso;
                var type = FindOurType(typeName.Substring(DeserializedPrefix.Length));
                if (type != null) return Build(type, pso) ?? pso;
            }
            var baseObject = pso.BaseObject;
            if (baseObject is PSCustomObject) return pso;
            if (baseObject is IDictionary || baseObject is IList) return RehydrateValue(baseObject);
            return pso;
        }

        private static void RehydrateEntries(IDictionary dictionary)
        {
            if (dictionary.IsReadOnly) return;
            foreach (var key in dictionary.Keys.Cast<object>().ToList())
            {
                var item = dictionary[key];
                var rebuilt = RehydrateValue(item);
                if (!ReferenceEquals(rebuilt, item)) dictionary[key] = rebuilt;
            }
        }

        private static void RehydrateItems(IList list)
        {
            var elementType = list.GetType().IsArray ? list.GetType().GetElementType() : null;
            if (list.IsReadOnly || elementType != null && (elementType.IsPrimitive || elementType == typeof(string))) return;
            for (int i = 0; i < list.Count; i++)
            {
                var item = list[i];
                var rebuilt = RehydrateValue(item);
                if (ReferenceEquals(rebuilt, item)) continue;
                if (elementType == null || elementType.IsInstanceOfType(rebuilt)) list[i] = rebuilt;
            }
        }

        /// <summary>A public type of our assemblies by its full name (cached), or null.</summary>
        private static Type? FindOurType(string fullName) =>
            TypesByName.GetOrAdd(fullName, name =>
            {
                foreach (var assembly in OurAssemblies)
                {
                    var type = assembly.GetType(name, false);
                    if (type != null && (type.IsPublic || type.IsNestedPublic)) return type;
                }
                return null;
            });

        /// <summary>An instance of <paramref name="type"/> from a bag, or null when the bag does not fit the type.</summary>
        private static object? Build(Type type, PSObject bag)
        {
            try
            {
                if (type.IsEnum) return bag.BaseObject is PSCustomObject || !ToEnum(bag.BaseObject, type, out var e) ? null : e;
                if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters) return null;
                var constructed = Construct(type, bag, out var bound);
                if (constructed == null) return null;
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (!property.CanWrite || property.GetSetMethod() == null || property.GetIndexParameters().Length > 0) continue;
                    if (bound.Contains(property.Name)) continue;
                    var member = bag.Properties[property.Name];
                    if (member == null) continue;
                    if (!ConvertTo(member.Value, property.PropertyType, out var converted)) return null;
                    property.SetValue(constructed, converted, null);
                }
                return constructed;
            }
            catch (Exception ex) when (IsRecoverable(ex))
            {
                return null;
            }
        }

        /// <summary>
        /// A new instance: the parameterless constructor when there is one, else the public constructor with the most
        /// parameters that the bag's properties (by name) or default values all fill. <paramref name="bound"/> names
        /// the properties given to the constructor.
        /// </summary>
        private static object? Construct(Type type, PSObject bag, out HashSet<string> bound)
        {
            bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (type.IsValueType || type.GetConstructor(Type.EmptyTypes) != null) return Activator.CreateInstance(type);
            foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
            {
                var parameters = constructor.GetParameters();
                var arguments = new object?[parameters.Length];
                var names = new List<string>();
                bool fits = true;
                for (int i = 0; i < parameters.Length && fits; i++)
                {
                    var member = parameters[i].Name == null ? null : bag.Properties[parameters[i].Name];
                    if (member != null && ConvertTo(member.Value, parameters[i].ParameterType, out var argument))
                    {
                        arguments[i] = argument;
                        names.Add(member.Name);
                    }
                    else if (member == null && parameters[i].IsOptional)
                    {
                        arguments[i] = parameters[i].DefaultValue is DBNull ? null : parameters[i].DefaultValue;
                    }
                    else
                    {
                        fits = false;
                    }
                }
                if (!fits) continue;
                try
                {
                    var instance = constructor.Invoke(arguments);
                    bound.UnionWith(names);
                    return instance;
                }
                catch (TargetInvocationException)
                {
                    // The constructor refused these values (e.g. a null it checks): try the next one.
                }
            }
            return null;
        }

        /// <summary>Converts a deserialized value to <paramref name="target"/>; false when it cannot.</summary>
        private static bool ConvertTo(object? value, Type target, out object? result)
        {
            result = null;
            var underlying = Nullable.GetUnderlyingType(target);
            if (underlying != null)
            {
                if (Plain(value) == null) return true;
                return ConvertTo(value, underlying, out result);
            }
            var rebuilt = RehydrateValue(value);
            if (target == typeof(object))
            {
                result = rebuilt is PSObject p && !(p.BaseObject is PSCustomObject) && !IsDeserializedBag(p) ? p.BaseObject : rebuilt;
                return true;
            }
            var plain = Plain(rebuilt);
            if (plain == null) return !target.IsValueType;
            if (target.IsInstanceOfType(plain))
            {
                result = plain;
                return true;
            }
            if (target.IsEnum) return ToEnum(plain, target, out result);
            if (target.IsArray) return ToArray(plain, target.GetElementType()!, out result);
            if (target.IsGenericType) return ToGeneric(plain, target, out result);
            if (target == typeof(DateTimeOffset) && plain is DateTime dateTime)
            {
                result = new DateTimeOffset(dateTime);
                return true;
            }
            if (plain is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && target != typeof(string))
            {
                result = System.Convert.ChangeType(plain, target, CultureInfo.InvariantCulture);
                return true;
            }
            return false;
        }

        /// <summary>The object under a PSObject that only wraps it (a deserialized enum: its number); the bag itself otherwise.</summary>
        private static object? Plain(object? value) =>
            value is PSObject pso && !(pso.BaseObject is PSCustomObject) ? pso.BaseObject : value;

        private static bool IsDeserializedBag(PSObject pso) =>
            pso.TypeNames.Count > 0 && pso.TypeNames[0].StartsWith(DeserializedPrefix, StringComparison.Ordinal);

        private static bool ToEnum(object plain, Type target, out object? result)
        {
            result = null;
            switch (plain)
            {
                case string text:
                    result = Enum.Parse(target, text, true);
                    return true;
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                    result = Enum.ToObject(target, plain);
                    return true;
                default:
                    return false;
            }
        }

        private static bool ToArray(object plain, Type elementType, out object? result)
        {
            result = null;
            if (!(plain is IEnumerable items) || plain is string) return false;
            var values = new List<object?>();
            foreach (var item in items)
            {
                if (!ConvertTo(item, elementType, out var converted)) return false;
                values.Add(converted);
            }
            var array = Array.CreateInstance(elementType, values.Count);
            for (int i = 0; i < values.Count; i++) array.SetValue(values[i], i);
            result = array;
            return true;
        }

        private static bool ToGeneric(object plain, Type target, out object? result)
        {
            result = null;
            var arguments = target.GetGenericArguments();
            if (arguments.Length == 1 && plain is IEnumerable items && !(plain is string) && !(plain is IDictionary))
            {
                var listType = typeof(List<>).MakeGenericType(arguments[0]);
                if (!target.IsAssignableFrom(listType)) return false;
                var list = (IList)Activator.CreateInstance(listType)!;
                foreach (var item in items)
                {
                    if (!ConvertTo(item, arguments[0], out var converted)) return false;
                    list.Add(converted);
                }
                result = list;
                return true;
            }
            if (arguments.Length == 2 && plain is IDictionary entries)
            {
                var dictionaryType = typeof(Dictionary<,>).MakeGenericType(arguments);
                if (!target.IsAssignableFrom(dictionaryType)) return false;
                var dictionary = (IDictionary)Activator.CreateInstance(dictionaryType)!;
                foreach (DictionaryEntry entry in entries)
                {
                    if (!ConvertTo(entry.Key, arguments[0], out var key) || key == null) return false;
                    if (!ConvertTo(entry.Value, arguments[1], out var item)) return false;
                    dictionary[key] = item;
                }
                result = dictionary;
                return true;
            }
            return false;
        }

        /// <summary>
        /// A DateTimeOffset from its bag: PSSerializer writes a DateTimeOffset as an object with its properties, of
        /// which Ticks (the clock reading) and Offset rebuild it exactly.
        /// </summary>
        private static DateTimeOffset? BuildDateTimeOffset(PSObject bag)
        {
            if (Plain(bag.Properties["Offset"]?.Value) is TimeSpan offset)
            {
                if (Plain(bag.Properties["Ticks"]?.Value) is long ticks) return new DateTimeOffset(ticks, offset);
                if (Plain(bag.Properties["UtcTicks"]?.Value) is long utcTicks) return new DateTimeOffset(utcTicks + offset.Ticks, offset);
            }
            return null;
        }

        private static ErrorRecord BuildErrorRecord(PSObject bag)
        {
            var exceptionBag = bag.Properties["Exception"]?.Value as PSObject;
            var message = exceptionBag != null ? StringOf(exceptionBag.Properties["Message"]?.Value) ?? TextOf(exceptionBag) : TextOf(bag);
            var exception = (exceptionBag != null ? BuildException(exceptionBag, message) : null) ?? new RemoteException(message);
            var errorId = StringOf(bag.Properties["FullyQualifiedErrorId"]?.Value) ?? string.Empty;
            var target = RehydrateValue(bag.Properties["TargetObject"]?.Value);
            var record = new ErrorRecord(exception, errorId, CategoryOf(bag), target);

            var details = StringOf(bag.Properties["ErrorDetails_Message"]?.Value);
            var action = StringOf(bag.Properties["ErrorDetails_RecommendedAction"]?.Value);
            if (details != null || action != null)
            {
                record.ErrorDetails = new ErrorDetails(details ?? string.Empty);
                if (action != null) record.ErrorDetails.RecommendedAction = action;
            }

            var info = record.CategoryInfo;
            var activity = StringOf(bag.Properties["ErrorCategory_Activity"]?.Value);
            if (!string.IsNullOrEmpty(activity)) info.Activity = activity;
            var reason = StringOf(bag.Properties["ErrorCategory_Reason"]?.Value);
            if (!string.IsNullOrEmpty(reason)) info.Reason = reason;
            var targetName = StringOf(bag.Properties["ErrorCategory_TargetName"]?.Value);
            if (!string.IsNullOrEmpty(targetName)) info.TargetName = targetName;
            var targetType = StringOf(bag.Properties["ErrorCategory_TargetType"]?.Value);
            if (!string.IsNullOrEmpty(targetType)) info.TargetType = targetType;
            return record;
        }

        private static ErrorCategory CategoryOf(PSObject bag)
        {
            var category = Plain(bag.Properties["ErrorCategory_Category"]?.Value);
            if (category == null && bag.Properties["CategoryInfo"]?.Value is PSObject info) category = Plain(info.Properties["Category"]?.Value);
            return ConvertTo(category, typeof(ErrorCategory), out var result) && result is ErrorCategory c ? c : ErrorCategory.NotSpecified;
        }

        /// <summary>
        /// The exception a bag describes: the nearest type of its chain (most derived first) that is one of our
        /// exceptions, or the framework exception it was, rebuilt from its message alone when that message comes out
        /// the same; null otherwise.
        /// </summary>
        private static Exception? BuildException(PSObject bag, string message)
        {
            bool mostDerived = true;
            foreach (var name in bag.TypeNames)
            {
                if (!name.StartsWith(DeserializedPrefix, StringComparison.Ordinal)) continue;
                var fullName = name.Substring(DeserializedPrefix.Length);
                var ours = FindOurType(fullName);
                if (ours != null && typeof(Exception).IsAssignableFrom(ours))
                {
                    if (Build(ours, bag) is Exception built) return built;
                    continue;
                }
                // A framework exception only as itself: a base type in its place would look like another failure.
                if (!mostDerived) continue;
                mostDerived = false;
                var framework = typeof(Exception).Assembly.GetType(fullName, false) ?? typeof(PSObject).Assembly.GetType(fullName, false);
                if (framework == null || !framework.IsPublic || !typeof(Exception).IsAssignableFrom(framework) || framework.IsAbstract) continue;
                var rebuilt = FrameworkException(framework, bag, message);
                if (rebuilt != null) return rebuilt;
            }
            return null;
        }

        private static Exception? FrameworkException(Type type, PSObject bag, string message)
        {
            try
            {
                if (type == typeof(ArgumentException))
                {
                    var parameter = StringOf(bag.Properties["ParamName"]?.Value);
                    if (!string.IsNullOrEmpty(parameter))
                    {
                        // ArgumentException appends the parameter's name to its message ("... (Parameter 'Name')"):
                        // take that part off, so the rebuilt one says the same.
                        var suffix = new ArgumentException(string.Empty, parameter).Message;
                        if (message.EndsWith(suffix, StringComparison.Ordinal))
                        {
                            var argument = new ArgumentException(message.Substring(0, message.Length - suffix.Length), parameter);
                            if (string.Equals(argument.Message, message, StringComparison.Ordinal)) return argument;
                        }
                    }
                }
                var constructor = type.GetConstructor(new[] { typeof(string) });
                if (constructor == null) return null;
                var exception = (Exception)constructor.Invoke(new object[] { message });
                return string.Equals(exception.Message, message, StringComparison.Ordinal) ? exception : null;
            }
            catch (Exception ex) when (IsRecoverable(ex))
            {
                return null;
            }
        }

        private static string? StringOf(object? value) => Plain(value) switch
        {
            null => null,
            string s => s,
            var other => System.Convert.ToString(other, CultureInfo.InvariantCulture),
        };

        private static string TextOf(object? value) => value?.ToString() ?? string.Empty;

        /// <summary>Failures a bag that does not fit can cause; a rehydration falls back to the bag on them.</summary>
        private static bool IsRecoverable(Exception ex) =>
            ex is ArgumentException || ex is InvalidCastException || ex is FormatException || ex is OverflowException ||
            ex is InvalidOperationException || ex is NotSupportedException || ex is TargetInvocationException ||
            ex is MemberAccessException || ex is ExtendedTypeSystemException;
    }
}

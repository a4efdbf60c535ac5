using System;
using System.Globalization;
using EmProto.Protocol;

namespace EmProto.Engine.Persistence
{
    /// <summary>
    /// Which way <see cref="StoredEvseMapping"/> runs. Its description of a correspondence passes the model's
    /// value and the file's value and assigns the pair that comes back: towards the file, the model's value
    /// stays and the file gets it converted; from the file, the file's value stays and the model gets it
    /// converted. Each method names one conversion, so each member pair is described once.
    /// </summary>
    internal sealed class StoreMapDirection
    {
        public static readonly StoreMapDirection ToFile = new StoreMapDirection(true);

        public static readonly StoreMapDirection FromFile = new StoreMapDirection(false);

        private readonly bool _toFile;

        private StoreMapDirection(bool toFile) => _toFile = toFile;

        /// <summary>The same value on both sides.</summary>
        public (T Model, T File) Same<T>(T model, T file) => _toFile ? (model, model) : (file, file);

        /// <summary>Text the model never holds as null ("" for a missing member).</summary>
        public (string Model, string? File) Text(string model, string? file) => _toFile ? (model, model) : (file ?? string.Empty, file);

        /// <summary>A wire value the file leaves out when unset; the model holds <paramref name="unset"/> then.</summary>
        public (int Model, int? File) Raw(int model, int? file, int unset) => _toFile ? (model, model) : (file ?? unset, file);

        /// <summary>Power samples; the model holds none as an empty array.</summary>
        public (int[] Model, int[]? File) Samples(int[] model, int[]? file) => _toFile ? (model, model) : (file ?? Array.Empty<int>(), file);

        /// <summary>A time as ISO 8601 text; text that is not a time reads as none.</summary>
        public (DateTimeOffset? Model, string? File) Time(DateTimeOffset? model, string? file) => _toFile ? (model, Iso(model)) : (ParseIso(file), file);

        /// <summary>A time the model always holds (<see cref="DateTimeOffset.MinValue"/> when the file has none).</summary>
        public (DateTimeOffset Model, string? File) Time(DateTimeOffset model, string? file) =>
            _toFile ? (model, Iso(model)) : (ParseIso(file) ?? DateTimeOffset.MinValue, file);

        /// <summary>A time span as seconds.</summary>
        public (TimeSpan Model, double File) Seconds(TimeSpan model, double file) => _toFile ? (model, model.TotalSeconds) : (TimeSpan.FromSeconds(file), file);

        /// <summary>A time span that may be absent, as seconds.</summary>
        public (TimeSpan? Model, double? File) Seconds(TimeSpan? model, double? file) =>
            _toFile ? (model, model?.TotalSeconds) : (file.HasValue ? TimeSpan.FromSeconds(file.Value) : (TimeSpan?)null, file);

        /// <summary>The display language as its number.</summary>
        public (EvseLanguage Model, int File) Code(EvseLanguage model, int file) => _toFile ? (model, (int)model) : ((EvseLanguage)file, file);

        /// <summary>The temperature unit as its number.</summary>
        public (TemperatureUnit Model, int File) Code(TemperatureUnit model, int file) => _toFile ? (model, (int)model) : ((TemperatureUnit)file, file);

        /// <summary>The password: in the clear in memory, protected in the file (<see cref="PasswordProtector"/>).</summary>
        public (string? Model, string? File) Password(string? model, string? file) =>
            _toFile ? (model, model != null ? PasswordProtector.Protect(model) : null) : (file != null ? PasswordProtector.Unprotect(file) : null, file);

        /// <summary>A time as the file keeps it: ISO 8601 with its offset ("o"), null for none.</summary>
        public static string? Iso(DateTimeOffset? t) => t?.ToString("o", CultureInfo.InvariantCulture);

        private static DateTimeOffset? ParseIso(string? s) =>
            s != null && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : (DateTimeOffset?)null;
    }
}

using System;

namespace EmProto.PowerShell
{
    /// <summary>A finished charge session record (commands 9 and 10) in units.</summary>
    public sealed class DecodedChargeRecord
    {
        /// <summary>Line id.</summary>
        public int LineId { get; set; }

        /// <summary>User who started the session.</summary>
        public string StartUserId { get; set; } = string.Empty;

        /// <summary>User (or cause, e.g. "Power Down") that ended it.</summary>
        public string EndUserId { get; set; } = string.Empty;

        /// <summary>Charge id.</summary>
        public string ChargeId { get; set; } = string.Empty;

        /// <summary>Reservation flag byte.</summary>
        public int HasReservation { get; set; }

        /// <summary>Start type.</summary>
        public int StartType { get; set; }

        /// <summary>Charge type.</summary>
        public int ChargeType { get; set; }

        /// <summary>Parameter 1 (max duration in minutes when set; 65535 unset).</summary>
        public int Param1 { get; set; }

        /// <summary>Parameter 2 (max energy × 0.01 kWh when set; 65535 unset).</summary>
        public int Param2 { get; set; }

        /// <summary>Parameter 3.</summary>
        public int Param3 { get; set; }

        /// <summary>Stop reason byte.</summary>
        public int StopReason { get; set; }

        /// <summary>Stop flag byte.</summary>
        public int HasStopCharge { get; set; }

        /// <summary>Reservation time in the charger's zone, or null.</summary>
        public DateTimeOffset? ReservationDate { get; set; }

        /// <summary>Start time in the charger's zone, or null.</summary>
        public DateTimeOffset? StartDate { get; set; }

        /// <summary>Stop time in the charger's zone, or null.</summary>
        public DateTimeOffset? StopDate { get; set; }

        /// <summary>Time charged.</summary>
        public TimeSpan ChargedTime { get; set; }

        /// <summary>Meter at the start in kWh.</summary>
        public double StartMeterKWh { get; set; }

        /// <summary>Meter at the stop in kWh.</summary>
        public double StopMeterKWh { get; set; }

        /// <summary>Energy charged in kWh.</summary>
        public double ChargedKWh { get; set; }

        /// <summary>Charge price (× 0.01 applied).</summary>
        public double ChargePrice { get; set; }

        /// <summary>Fee type.</summary>
        public int FeeType { get; set; }

        /// <summary>Charge fee (× 0.01 applied).</summary>
        public double ChargeFee { get; set; }

        /// <summary>The sample count the charger declares (may exceed the samples carried).</summary>
        public int DeclaredSampleCount { get; set; }

        /// <summary>Power samples (W and 20-minute interval inferred, not confirmed).</summary>
        public int[] PowerSamplesW { get; set; } = Array.Empty<int>();
    }
}

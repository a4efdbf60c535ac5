namespace EmProto.PowerShell
{
    /// <summary>Which way a datagram travels.</summary>
    public enum DatagramDirection
    {
        /// <summary>Sent by a charger to the app (commands below 0x8000).</summary>
        ChargerToApp = 0,

        /// <summary>Sent by an app to a charger (commands 0x8000 and above).</summary>
        AppToCharger = 1,
    }
}

using System;
using System.Globalization;
using System.Management.Automation;

namespace EmProto.PowerShell.Agent
{
    /// <summary>Progress and information records as they come back from the agent (CLIXML gives their property bags).</summary>
    internal static class AgentRecords
    {
        /// <summary>The progress record, or null when the value is not one.</summary>
        public static ProgressRecord? Progress(object? value)
        {
            if (value is ProgressRecord record) return record;
            if (!(value is PSObject bag)) return null;
            int id = Int(bag, "ActivityId");
            string activity = Text(bag, "Activity");
            string status = Text(bag, "StatusDescription");
            var progress = new ProgressRecord(id, activity.Length > 0 ? activity : "EmProto", status.Length > 0 ? status : " ")
            {
                PercentComplete = Int(bag, "PercentComplete", -1),
                SecondsRemaining = Int(bag, "SecondsRemaining", -1),
                ParentActivityId = Int(bag, "ParentActivityId", -1),
            };
            string operation = Text(bag, "CurrentOperation");
            if (operation.Length > 0) progress.CurrentOperation = operation;
            if (Enum.TryParse(Text(bag, "RecordType"), true, out ProgressRecordType type)) progress.RecordType = type;
            return progress;
        }

        /// <summary>The information record, or null when the value is not one.</summary>
        public static InformationRecord? Information(object? value)
        {
            if (value is InformationRecord record) return record;
            if (!(value is PSObject bag)) return null;
            object? data = bag.Properties["MessageData"]?.Value;
            return new InformationRecord(data, Text(bag, "Source"));
        }

        private static string Text(PSObject bag, string name) => Convert.ToString(bag.Properties[name]?.Value, CultureInfo.InvariantCulture) ?? string.Empty;

        private static int Int(PSObject bag, string name, int fallback = 0)
        {
            object? value = bag.Properties[name]?.Value;
            if (value is PSObject p) value = p.BaseObject;
            return value == null ? fallback : int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : fallback;
        }
    }
}

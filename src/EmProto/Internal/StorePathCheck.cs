using System.IO;

namespace EmProto.PowerShell
{
    /// <summary>The check of a -StorePath given by the user, shared by Start-EvseCommunicator and Start-EvseAgent.</summary>
    internal static class StorePathCheck
    {
        /// <summary>
        /// Why <paramref name="path"/> can never be the store file, or null: an existing folder, or a path below a
        /// file. (A folder that does not exist yet is fine: it is created at the first save.)
        /// </summary>
        public static string? Problem(string path)
        {
            if (Directory.Exists(path))
                return "'" + path + "' is a folder; give the path of a file in it, such as '" + Path.Combine(path, "evses.json") + "'.";
            for (string? dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(dir)) return "'" + path + "' cannot be created: '" + dir + "' is a file, not a folder.";
                if (Directory.Exists(dir)) break;
            }
            return null;
        }
    }
}

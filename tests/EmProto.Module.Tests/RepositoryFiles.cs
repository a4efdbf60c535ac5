using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using EmProto.Engine;

namespace EmProto.Module.Tests
{
    /// <summary>Finds files of the repository (docs, tests) from the test assembly's folder.</summary>
    internal static class RepositoryFiles
    {
        /// <summary>The folder that holds EmPsm.sln, found by walking up from the test assembly.</summary>
        public static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "EmPsm.sln"))) return dir.FullName;
                }
                throw new InvalidOperationException("EmPsm.sln is not above " + AppContext.BaseDirectory + ".");
            }
        }

        /// <summary>Every ErrorId constant of <see cref="ErrorIds"/>: constant name and value.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ErrorIdConstants =>
            typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => new KeyValuePair<string, string>(f.Name, (string)f.GetRawConstantValue()!))
                .ToList();

        /// <summary>Files under a folder of the repository, without build output (bin, obj).</summary>
        public static IEnumerable<string> Files(string folder, string pattern) =>
            Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
                .Where(f =>
                {
                    var parts = Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                    return !parts.Contains("bin") && !parts.Contains("obj");
                })
                .OrderBy(f => f, StringComparer.Ordinal);
    }
}

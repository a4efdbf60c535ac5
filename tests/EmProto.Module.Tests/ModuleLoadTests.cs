using System.Linq;
using Xunit;

namespace EmProto.Module.Tests
{
    public class ModuleLoadTests
    {
        [Fact]
        public void Module_imports_in_process()
        {
            using var host = new ModuleHost();
            var r = host.Run("(Get-Module EmProto).Name");
            Assert.Empty(r.Errors);
            Assert.Equal("EmProto", r.Output.Single().BaseObject);
        }
    }
}

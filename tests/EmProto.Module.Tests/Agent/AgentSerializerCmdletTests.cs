using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EmProto.Engine;
using EmProto.PowerShell;
using EmProto.PowerShell.Agent;
using Xunit;

namespace EmProto.Module.Tests.Agent
{
    /// <summary>What crosses the agent's channel works with the real cmdlets: errors they write, parameters they bind.</summary>
    public class AgentSerializerCmdletTests : CmdletTestBase
    {
        [Fact]
        public void An_error_written_by_a_cmdlet_comes_back_with_its_id_target_and_EvseException()
        {
            AddSilentCharger();
            var original = SingleError(Host.Run("Get-EvseConfig -Serial " + KnownSerial));

            var clixml = AgentSerializer.Serialize(original);
            // Whole, the record would carry Get-EvseConfig's metadata and the exception's reflection objects (megabytes).
            Assert.True(clixml.Length < 16 * 1024, "the error is written compactly, got " + clixml.Length + " characters");
            var back = Assert.IsType<ErrorRecord>(AgentSerializer.Deserialize(clixml));

            Assert.Equal(original.FullyQualifiedErrorId, back.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidOperation, back.CategoryInfo.Category);
            Assert.Equal(original.CategoryInfo.GetMessage(System.Globalization.CultureInfo.InvariantCulture), back.CategoryInfo.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(original.ToString(), back.ToString());
            AgentSerializerTests.AssertSame(original.TargetObject, back.TargetObject, "TargetObject");
            AgentSerializerTests.AssertSameException(original.Exception, back.Exception, "Get-EvseConfig");
            Assert.Equal(ErrorIds.NotConnected, Assert.IsType<EvseException>(back.Exception).ErrorId);
        }

        [Fact]
        public void Rehydrated_chargers_bind_to_InputObject_of_a_real_cmdlet()
        {
            AddSilentCharger();
            var chargers = Host.Run("Get-Evse -Serial " + KnownSerial).Output.Select(o => o.BaseObject).ToArray();
            Assert.IsType<EvseCharger>(Assert.Single(chargers));

            var back = AgentSerializer.Deserialize(AgentSerializer.Serialize(chargers));
            Assert.All(((System.Collections.IEnumerable)back!).Cast<object>(), c => Assert.IsType<EvseCharger>(AgentSerializerTests.Plain(c)));

            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { ModuleHost.ManifestPath });
            using var runspace = RunspaceFactory.CreateRunspace(state);
            runspace.Open();
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddCommand("Remove-Evse").AddParameter("InputObject", back).AddParameter("Confirm", false);
            ps.Invoke();

            Assert.True(ps.Streams.Error.Count == 0, "Remove-Evse binds the rehydrated chargers: " + string.Join("; ", ps.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e)));
            Assert.True(Communicator.GetEvse(KnownSerial) == null, "Remove-Evse removed the charger it was given");
        }
    }
}

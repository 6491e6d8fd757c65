using IbConfig.Core.Files;
using Xunit;

namespace IbConfig.Core.Tests.Files;

public class FilePermissionsTests
{
    // The ACL copy runs only on Windows, but its members are found by name on every .NET: this proves they all resolve
    // on the runtime pwsh 7 uses. It failed while the sections enum was looked up in FileSecurity's own assembly
    // (it lives in System.Security.AccessControl), which made every Windows backup keep the folder's ACL silently.
    [Fact]
    public void Finds_every_member_the_windows_acl_copy_calls()
    {
        var api = FilePermissions.ResolveAcl();

        Assert.NotNull(api);
        Assert.Equal("System.Security.AccessControl.FileSecurity", api!.Get.ReturnType.FullName);
        Assert.Equal(2, api.Set.GetParameters().Length);
        Assert.Equal("System.Security.AccessControl.AccessControlSections", api.AccessSection.GetType().FullName);
        Assert.Equal("Access", api.AccessSection.ToString());
        Assert.Equal(api.AccessSection.GetType(), api.SetSddl.GetParameters()[1].ParameterType);
    }
}

namespace IbConfig.Core.Tests.Firewall;

/// <summary>Output of `netsh advfirewall firewall show rule name=all dir=in verbose` on an English Windows 11 (CRLF, as netsh writes it).</summary>
internal static class NetshSample
{
    public const string Inbound = """

Rule Name:                            IB Gateway API (paper)
----------------------------------------------------------------------
Description:                          Trading bot on this machine
Enabled:                              Yes
Direction:                            In
Profiles:                             Domain,Private,Public
Grouping:                             
LocalIP:                              Any
RemoteIP:                             127.0.0.1/32
Protocol:                             TCP
LocalPort:                            7497
RemotePort:                           Any
Edge traversal:                       No
InterfaceTypes:                       Any
Security:                             NotRequired
Rule source:                          Local Setting
Action:                               Allow

Rule Name:                            OpenJDK Platform binary
----------------------------------------------------------------------
Description:                          
Enabled:                              Yes
Direction:                            In
Profiles:                             Private
Grouping:                             
LocalIP:                              Any
RemoteIP:                             LocalSubnet
Protocol:                             TCP
LocalPort:                            Any
RemotePort:                           Any
Edge traversal:                       No
Program:                              C:\Jts\ibgateway\1030\jre\bin\java.exe
InterfaceTypes:                       Any
Security:                             NotRequired
Rule source:                          Local Setting
Action:                               Allow

Rule Name:                            Live API from the LAN
----------------------------------------------------------------------
Enabled:                              Yes
Direction:                            In
Profiles:                             Domain,Private,Public
LocalIP:                              Any
RemoteIP:                             192.168.1.0/255.255.255.0,127.0.0.1
Protocol:                             TCP
LocalPort:                            7496,4001
RemotePort:                           Any
Edge traversal:                       No
Action:                               Allow

Rule Name:                            Old gateway rule
----------------------------------------------------------------------
Enabled:                              No
Direction:                            In
Profiles:                             Domain,Private,Public
LocalIP:                              Any
RemoteIP:                             Any
Protocol:                             TCP
LocalPort:                            4002
RemotePort:                           Any
Edge traversal:                       No
Action:                               Allow

Rule Name:                            Block gateway paper port
----------------------------------------------------------------------
Enabled:                              Yes
Direction:                            In
Profiles:                             Public
LocalIP:                              Any
RemoteIP:                             Any
Protocol:                             TCP
LocalPort:                            4000-4002
RemotePort:                           Any
Edge traversal:                       No
Action:                               Block

Rule Name:                            Microsoft Edge (mDNS-In)
----------------------------------------------------------------------
Enabled:                              Yes
Direction:                            In
Profiles:                             Domain,Private,Public
LocalIP:                              Any
RemoteIP:                             Any
Protocol:                             UDP
LocalPort:                            5353
RemotePort:                           Any
Edge traversal:                       No
Program:                              C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe
Action:                               Allow

Rule Name:                            Remote Desktop - User Mode (TCP-In)
----------------------------------------------------------------------
Enabled:                              Yes
Direction:                            In
Profiles:                             Domain,Private,Public
Grouping:                             Remote Desktop
LocalIP:                              Any
RemoteIP:                             Any
Protocol:                             TCP
LocalPort:                            3389
RemotePort:                           Any
Edge traversal:                       No
Program:                              %SystemRoot%\system32\svchost.exe
Action:                               Allow
Ok.

""";

    /// <summary>The same listing on a German Windows: netsh translates the labels.</summary>
    public const string German = """

Regelname:                            IB Gateway API
----------------------------------------------------------------------
Aktiviert:                            Ja
Richtung:                             Eingehend
Protokoll:                            TCP
Lokaler Port:                         7497
Aktion:                               Zulassen
OK.

""";
}

using System.Net;
using System.Net.Sockets;
using IbConfig.Core.Network;

namespace IbConfig.Core.Tests.Network;

public class PortListenerLookupTests
{
    [Theory]
    [InlineData("0100007F", "127.0.0.1")]
    [InlineData("00000000", "0.0.0.0")]
    [InlineData("00000000000000000000000001000000", "::1")]
    [InlineData("00000000000000000000000000000000", "::")]
    [InlineData("0000000000000000FFFF00000100007F", "::ffff:127.0.0.1")]
    public void Proc_net_tcp_addresses_read_back_in_network_order(string hex, string expected)
    {
        Assert.True(BitConverter.IsLittleEndian, "the samples are as a little-endian kernel prints them");
        Assert.Equal(IPAddress.Parse(expected), LinuxListeningSocketTable.ParseAddress(hex));
    }

    [Fact]
    public void Only_listening_rows_on_the_asked_port_count()
    {
        const string text = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1D29 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
               1: 0100007F:1D29 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 20 4 30 10 -1
               2: 00000000:0FA2 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0000000000000000 100 0 0 10 0
            """;
        var rows = LinuxListeningSocketTable.ParseListeners(text, 7465).ToList();
        Assert.Equal(new[] { (IPAddress.Loopback, "111") }, rows);
        Assert.Equal("333", Assert.Single(LinuxListeningSocketTable.ParseListeners(text, 4002)).Inode);
        Assert.Empty(LinuxListeningSocketTable.ParseListeners(text, 4001));
    }

    [Fact]
    public void A_fake_proc_tree_names_the_process_holding_a_listener_on_every_interface()
    {
        if (!OperatingSystem.IsLinux()) return; // needs readlink on a symbolic link
        var root = Directory.CreateTempSubdirectory("ibconfig-proc-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "net"));
            File.WriteAllText(Path.Combine(root, "net", "tcp"), """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:0FA2 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0000000000000000 100 0 0 10 0
                """);
            File.WriteAllText(Path.Combine(root, "net", "tcp6"), """
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000001000000:0FA2 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4712 1 0000000000000000 100 0 0 10 0
                """);
            Directory.CreateDirectory(Path.Combine(root, "17", "fd"));
            File.CreateSymbolicLink(Path.Combine(root, "17", "fd", "0"), "/dev/null");
            Directory.CreateDirectory(Path.Combine(root, "4242", "fd"));
            File.CreateSymbolicLink(Path.Combine(root, "4242", "fd", "7"), "socket:[4711]");
            File.WriteAllText(Path.Combine(root, "4242", "comm"), "java\n");

            var listeners = new LinuxListeningSocketTable(root).Find(4002);

            Assert.Equal(2, listeners.Count);
            var java = listeners[0];
            Assert.Equal(("0.0.0.0", ListenerScope.AllInterfaces, 4242, "java"), (java.LocalAddress, java.ScopeValue, java.ProcessId, java.ProcessName));
            Assert.Contains("every interface", java.Note);
            var orphan = listeners[1];
            Assert.Equal(("::1", ListenerScope.LoopbackOnly), (orphan.LocalAddress, orphan.ScopeValue));
            Assert.Null(orphan.ProcessId);
            Assert.False(string.IsNullOrEmpty(orphan.Note));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void On_linux_a_loopback_listener_in_this_process_is_found_with_this_process()
    {
        if (!OperatingSystem.IsLinux()) return;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var found = Assert.Single(new PortListenerLookup().Find(port));
            Assert.Equal(ListenerScope.LoopbackOnly, found.ScopeValue);
            Assert.Equal("127.0.0.1", found.LocalAddress);
            Assert.Equal(Environment.ProcessId, found.ProcessId);
            Assert.Equal(File.ReadAllText("/proc/self/comm").Trim(), found.ProcessName);
            Assert.Null(found.Note);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void A_port_nobody_listens_on_says_so()
    {
        var found = Assert.Single(new PortListenerLookup(new FakeTable()).Find(4002));
        Assert.Equal(ListenerScope.NotListening, found.ScopeValue);
        Assert.Null(found.LocalAddress);
        Assert.Contains("Nothing listens on port 4002", found.Note);
    }

    [Fact]
    public void Where_the_system_cannot_tell_the_lookup_says_so_instead_of_guessing()
    {
        var found = Assert.Single(new PortListenerLookup(null).Find(7497));
        Assert.Equal(ListenerScope.Unknown, found.ScopeValue);
        Assert.Null(found.ProcessId);
        Assert.Contains("lsof", found.Note);
    }

    [Fact]
    public void A_table_that_cannot_be_read_is_reported_as_unknown()
    {
        var found = Assert.Single(new PortListenerLookup(new LinuxListeningSocketTable("/nonexistent-proc")).Find(7497));
        Assert.Equal(ListenerScope.Unknown, found.ScopeValue);
        Assert.Contains("could not be read", found.Note);
    }

    [Theory]
    [InlineData("127.0.0.1", ListenerScope.LoopbackOnly)]
    [InlineData("::1", ListenerScope.LoopbackOnly)]
    [InlineData("::ffff:127.0.0.1", ListenerScope.LoopbackOnly)]
    [InlineData("0.0.0.0", ListenerScope.AllInterfaces)]
    [InlineData("::", ListenerScope.AllInterfaces)]
    [InlineData("192.168.1.100", ListenerScope.Specific)]
    public void The_bound_address_decides_who_can_connect(string address, ListenerScope scope) =>
        Assert.Equal(scope, new IbPortListener(4002, IPAddress.Parse(address), null, null).ScopeValue);

    private sealed class FakeTable : IListeningSocketTable
    {
        public IReadOnlyList<IbPortListener> Find(int port) => Array.Empty<IbPortListener>();
    }
}

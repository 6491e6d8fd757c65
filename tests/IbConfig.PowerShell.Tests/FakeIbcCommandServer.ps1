# Dot-sourced by the tests that talk to IBC's command server: a stand-in on loopback (OS-chosen port) that answers every
# connection's first line with the scripted reply lines and records the lines it received.

function Start-FakeIbcCommandServer {
    param([string[]] $Reply = @('OK'))
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $received = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new())
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
        param($Listener, $Reply, $Received)
        while ($true) {
            try { $client = $Listener.AcceptTcpClient() } catch { return }  # Stop() ends the loop
            try {
                $client.ReceiveTimeout = 10000
                $stream = $client.GetStream()
                $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII)
                $line = $reader.ReadLine()
                $null = $Received.Add($line)
                $bytes = [System.Text.Encoding]::ASCII.GetBytes((@($Reply | ForEach-Object { "$_`r`n" }) -join ''))
                $stream.Write($bytes, 0, $bytes.Length)
                $stream.Flush()
            } catch {
            } finally { $client.Dispose() }
        }
    }).AddArgument($listener).AddArgument($Reply).AddArgument($received)
    $handle = $ps.BeginInvoke()
    [pscustomobject]@{ Port = $listener.LocalEndpoint.Port; Received = $received; Listener = $listener; PowerShell = $ps; Handle = $handle }
}

function Stop-FakeIbcCommandServer($Server) {
    if (-not $Server) { return }
    $Server.Listener.Stop()
    $null = $Server.Handle.AsyncWaitHandle.WaitOne(5000)
    $Server.PowerShell.Dispose()
}

@{
    Description = 'Who listens on a local port (Test-IbPort -Listening): the bound address, what that means for who can connect, and the owning process where the operating system tells it. Where it cannot be told, Note says so.'
    Properties  = @{
        Port         = 'The local port.'
        LocalAddress = 'The address the socket is bound to (0.0.0.0 and :: mean every interface); null when none or unknown.'
        Scope        = 'Who can connect, from the bound address.'
        ProcessId    = 'The owning process, when the operating system tells it to this user.'
        ProcessName  = 'The owning process name, when known.'
        Note         = 'What the binding means for remote clients, in words.'
    }
}

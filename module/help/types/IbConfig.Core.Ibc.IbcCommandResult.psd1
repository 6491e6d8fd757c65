@{
    Description = 'What IBC''s command server said to one command. Flat, so it serialises over remoting.'
    Properties  = @{
        ComputerName = 'The computer IBC runs on.'
        Port         = 'IBC''s command server port the command went to.'
        Command      = 'The command sent.'
        Status       = 'What IBC answered.'
        Succeeded    = 'True when IBC answered OK.'
        Reply        = 'The text after OK/ERROR (e.g. "Shutting down"), or why there was no reply.'
        Info         = 'The INFO lines IBC sent before its final answer, in order.'
    }
}

import AirPictureCommands

AirPictureCommand.runFromCommandLine()

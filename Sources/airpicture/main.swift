import AirPictureCommands
AirPictureCommand.main()

// The deployment is systemd on Linux; so are these tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

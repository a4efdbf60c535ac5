// The namespaces every part of the Evse facade uses (Evse.*.cs), imported once for the assembly.
global using System;
global using System.Threading;
global using System.Threading.Tasks;
global using EmProto.Engine.Session;
global using EmProto.Protocol;
global using EmProto.Protocol.Payloads;

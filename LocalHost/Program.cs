// The local stand-in for Azure Functions Core Tools: placeholder until the host lands.
return 0;

global using Orchestration.ApplicationModel;

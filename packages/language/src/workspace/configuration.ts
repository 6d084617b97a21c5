import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * Langium's configuration provider, tolerant of clients that support less of the protocol:
 * it registers for configuration changes only when the client accepts dynamic registration,
 * and a client that refuses the registration or the settings request leaves the defaults in
 * place instead of ending the server (an unhandled rejection) or blocking every build.
 */
export class DrPlanConfigurationProvider extends DefaultConfigurationProvider {
    private dynamicRegistration = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.dynamicRegistration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        const { register, fetchConfiguration } = params;
        return super.initialized({
            ...params,
            register: register && this.dynamicRegistration
                ? registration => void Promise.resolve(register(registration)).catch(() => undefined)
                : undefined,
            fetchConfiguration: fetchConfiguration
                ? items => fetchConfiguration(items).catch(() => items.map(() => undefined))
                : undefined,
        });
    }
}

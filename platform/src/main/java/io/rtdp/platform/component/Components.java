package io.rtdp.platform.component;

import java.util.List;

/** The platform's servers in start order; they stop in the reverse order. */
public final class Components {
    private Components() {
    }

    public static List<Component> all(PlatformContext context) {
        return List.of(
                new PostgresComponent(context),
                new KafkaComponent(context),
                new SchemaRegistryComponent(context),
                new KsqlServerComponent(context),
                new ConnectComponent(context),
                new QueryServiceComponent(context));
    }
}

package io.rtdp.platform;

import picocli.CommandLine.IVersionProvider;

final class RtdpVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Rtdp.class.getPackage().getImplementationVersion();
        return new String[] {"rtdp " + (version == null ? "(development build)" : version)};
    }
}

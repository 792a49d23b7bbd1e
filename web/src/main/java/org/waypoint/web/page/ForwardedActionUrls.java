package org.waypoint.web.page;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A page shown at an address that forwards to its view ({@code /referrals/{id}}) posts its forms
 * back to that same address, not to the view's file: the address carries what the page is about.
 */
public class ForwardedActionUrls extends ViewHandlerWrapper {

    public ForwardedActionUrls(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        boolean thisView = context.getViewRoot() != null && viewId.equals(context.getViewRoot().getViewId());
        if (forwardedFrom instanceof String address && thisView && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return address;
        }
        return getWrapped().getActionURL(context, viewId);
    }
}
